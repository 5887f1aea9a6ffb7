# statusgen-config.cmake: what find_package(statusgen) loads.
#
#   find_package(statusgen 0.1 REQUIRED)
#   add_executable(app app.c)
#   statusgen_generate(TARGET app SPEC errors.yaml)
#
# statusgen_generate(TARGET <target> SPEC <file> [TEMPLATES <dir>]
#                    [LANG <name>] [PREFIX <name>] [OUT_DIR <dir>]
#                    [OUTPUTS <var>])
#
# Generates from the spec at build time into OUT_DIR (default:
# <current binary dir>/statusgen/<target>), adds the outputs to the
# target's sources (CMake compiles those of its enabled languages: the
# .c) and OUT_DIR to its include directories (PRIVATE), and sets <var> to
# the outputs' paths. TEMPLATES, LANG and PREFIX are statusgen's -t,
# --lang and --prefix; without TEMPLATES, statusgen uses its installed
# templates. Relative paths are from the current source folder. The
# outputs are asked of statusgen (--list-outputs) when configuring; the
# spec and the templates folder are configure dependencies, so a new
# output (a renamed spec, a template added) is noticed by the next build.
#
# Defines STATUSGEN_EXECUTABLE (the program, looked for beside this file
# first, so a relocated or staged install uses its own) and the imported
# executable statusgen::statusgen.

# DEPFILE with the Makefile generators, and CMP0116 (a depfile's paths
# are taken as written, absolute here).
if(CMAKE_VERSION VERSION_LESS 3.20)
  set(statusgen_FOUND FALSE)
  set(statusgen_NOT_FOUND_MESSAGE
      "statusgen_generate needs CMake 3.20 or newer (this is ${CMAKE_VERSION})")
  return()
endif()
include_guard(GLOBAL)
cmake_policy(PUSH)
cmake_policy(VERSION 3.20)

get_filename_component(_statusgen_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.."
                       ABSOLUTE)
find_program(STATUSGEN_EXECUTABLE statusgen
             PATHS "${_statusgen_prefix}/bin" NO_DEFAULT_PATH)
find_program(STATUSGEN_EXECUTABLE statusgen)
if(NOT STATUSGEN_EXECUTABLE)
  set(statusgen_FOUND FALSE)
  set(statusgen_NOT_FOUND_MESSAGE
      "the statusgen program is neither in ${_statusgen_prefix}/bin nor in PATH")
  cmake_policy(POP)
  return()
endif()
if(NOT TARGET statusgen::statusgen)
  add_executable(statusgen::statusgen IMPORTED GLOBAL)
  set_target_properties(statusgen::statusgen PROPERTIES
                        IMPORTED_LOCATION "${STATUSGEN_EXECUTABLE}")
endif()
function(statusgen_generate)
  cmake_parse_arguments(PARSE_ARGV 0 arg ""
    "TARGET;SPEC;TEMPLATES;LANG;PREFIX;OUT_DIR;OUTPUTS" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "statusgen_generate: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_TARGET OR NOT arg_SPEC)
    message(FATAL_ERROR "statusgen_generate: TARGET and SPEC are required")
  endif()
  if(NOT TARGET "${arg_TARGET}")
    message(FATAL_ERROR "statusgen_generate: no target '${arg_TARGET}'")
  endif()
  set(here "${CMAKE_CURRENT_SOURCE_DIR}")
  set(retarget
      "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/statusgen-retarget-depfile.cmake")
  get_filename_component(spec "${arg_SPEC}" ABSOLUTE BASE_DIR "${here}")
  if(arg_OUT_DIR)
    get_filename_component(out "${arg_OUT_DIR}" ABSOLUTE
                           BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  else()
    set(out "${CMAKE_CURRENT_BINARY_DIR}/statusgen/${arg_TARGET}")
  endif()
  set(options)
  if(arg_TEMPLATES)
    get_filename_component(templates "${arg_TEMPLATES}" ABSOLUTE
                           BASE_DIR "${here}")
    list(APPEND options -t "${templates}")
  endif()
  if(arg_LANG)
    list(APPEND options --lang "${arg_LANG}")
  endif()
  if(arg_PREFIX)
    list(APPEND options --prefix "${arg_PREFIX}")
  endif()

  # Both runs in one folder, so that statusgen picks the same templates.
  file(MAKE_DIRECTORY "${out}")
  execute_process(
    COMMAND "${STATUSGEN_EXECUTABLE}" -v --list-outputs ${options}
            -o "${out}" "${spec}"
    WORKING_DIRECTORY "${out}"
    RESULT_VARIABLE status OUTPUT_VARIABLE listed ERROR_VARIABLE said)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "statusgen_generate(TARGET ${arg_TARGET}): "
      "statusgen cannot generate from ${spec}:\n${said}")
  endif()
  string(REGEX REPLACE "\n$" "" listed "${listed}")
  string(REPLACE "\n" ";" outputs "${listed}")
  if(NOT outputs)
    message(FATAL_ERROR "statusgen_generate(TARGET ${arg_TARGET}): "
      "statusgen lists no output for ${spec}")
  endif()

  # A new output comes from a new spec name or a new template: configure
  # again when the spec or the folder of templates used changes (a file
  # added, removed or renamed), and generate again on a new template.
  set(folder)
  if(said MATCHES "statusgen: templates from ([^\n]*)")
    get_filename_component(folder "${CMAKE_MATCH_1}" ABSOLUTE
                           BASE_DIR "${out}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               "${spec}" ${folder})

  # statusgen rewrites an output only when its bytes change, so after a
  # run that changed nothing (the spec touched) the outputs stay older
  # than the spec. As OUTPUTs, they would make the Makefile generators
  # rerun the generator at every build and touch them all, recompiling
  # everything. So the OUTPUT is a stamp that every run touches, and the
  # generated files are BYPRODUCTS: Ninja checks them again after the run
  # (restat), make reads them afresh in the step after, and only the
  # users of a rewritten file are rebuilt. -M lists every template and
  # partial read; ninja wants a depfile's rule to be for the command's
  # first output, so the script gives the rule to the stamp.
  get_filename_component(stem "${spec}" NAME_WE)
  set(stamp "${out}/${stem}.statusgen.stamp")
  set(depfile "${out}/${stem}.statusgen.d")
  set(names)
  foreach(path IN LISTS outputs)
    get_filename_component(name "${path}" NAME)
    list(APPEND names "${name}")
  endforeach()
  list(JOIN names ", " names)
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${outputs}
    COMMAND "${STATUSGEN_EXECUTABLE}" ${options} -o "${out}"
            -M "${depfile}" "${spec}"
    COMMAND "${CMAKE_COMMAND}" "-DDEPFILE=${depfile}" "-DSTAMP=${stamp}"
            -P "${retarget}"
    DEPENDS "${spec}" ${folder} "${STATUSGEN_EXECUTABLE}"
            "${retarget}"
    DEPFILE "${depfile}"
    WORKING_DIRECTORY "${out}"
    COMMENT "Generating ${names} from ${arg_SPEC}"
    VERBATIM)

  target_sources("${arg_TARGET}" PRIVATE ${outputs} "${stamp}")
  get_target_property(type "${arg_TARGET}" TYPE)
  if(NOT type STREQUAL "UTILITY")
    target_include_directories("${arg_TARGET}" PRIVATE "${out}")
  endif()
  if(arg_OUTPUTS)
    set("${arg_OUTPUTS}" "${outputs}" PARENT_SCOPE)
  endif()
endfunction()

cmake_policy(POP)
set(statusgen_FOUND TRUE)

/* http_registry: the tables; see the header. */
#include "http_registry.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

const struct http_code http_registry[] = {
    {100, "Continue", "CONTINUE", "RFC 9110, Section 15.2.1", HTTP_EMPTY},
    {101, "Switching Protocols", "SWITCHING_PROTOCOLS",
     "RFC 9110, Section 15.2.2", HTTP_EMPTY},
    {102, "Processing", "PROCESSING", "RFC 2518", HTTP_EMPTY},
    {103, "Early Hints", "EARLY_HINTS", "RFC 8297", HTTP_EMPTY},
    {104, "Upload Resumption Supported", "UPLOAD_RESUMPTION_SUPPORTED",
     "draft-ietf-httpbis-resumable-upload-05", HTTP_EMPTY | HTTP_PROVISIONAL},
    {200, "OK", "OK", "RFC 9110, Section 15.3.1", HTTP_CACHEABLE},
    {201, "Created", "CREATED", "RFC 9110, Section 15.3.2", 0},
    {202, "Accepted", "ACCEPTED", "RFC 9110, Section 15.3.3", 0},
    {203, "Non-Authoritative Information", "NON_AUTHORITATIVE_INFORMATION",
     "RFC 9110, Section 15.3.4", HTTP_CACHEABLE},
    {204, "No Content", "NO_CONTENT", "RFC 9110, Section 15.3.5",
     HTTP_CACHEABLE | HTTP_EMPTY},
    {205, "Reset Content", "RESET_CONTENT", "RFC 9110, Section 15.3.6",
     HTTP_EMPTY},
    {206, "Partial Content", "PARTIAL_CONTENT", "RFC 9110, Section 15.3.7",
     HTTP_CACHEABLE},
    {207, "Multi-Status", "MULTI_STATUS", "RFC 4918", 0},
    {208, "Already Reported", "ALREADY_REPORTED", "RFC 5842", 0},
    {226, "IM Used", "IM_USED", "RFC 3229", 0},
    {300, "Multiple Choices", "MULTIPLE_CHOICES", "RFC 9110, Section 15.4.1",
     HTTP_CACHEABLE},
    {301, "Moved Permanently", "MOVED_PERMANENTLY", "RFC 9110, Section 15.4.2",
     HTTP_CACHEABLE},
    {302, "Found", "FOUND", "RFC 9110, Section 15.4.3", 0},
    {303, "See Other", "SEE_OTHER", "RFC 9110, Section 15.4.4", 0},
    {304, "Not Modified", "NOT_MODIFIED", "RFC 9110, Section 15.4.5",
     HTTP_EMPTY},
    {305, "Use Proxy", "USE_PROXY", "RFC 9110, Section 15.4.6",
     HTTP_DEPRECATED},
    {306, "Switch Proxy", "SWITCH_PROXY", "RFC 9110, Section 15.4.7",
     HTTP_DEPRECATED},
    {307, "Temporary Redirect", "TEMPORARY_REDIRECT",
     "RFC 9110, Section 15.4.8", 0},
    {308, "Permanent Redirect", "PERMANENT_REDIRECT",
     "RFC 9110, Section 15.4.9", HTTP_CACHEABLE},
    {400, "Bad Request", "BAD_REQUEST", "RFC 9110, Section 15.5.1", 0},
    {401, "Unauthorized", "UNAUTHORIZED", "RFC 9110, Section 15.5.2", 0},
    {402, "Payment Required", "PAYMENT_REQUIRED", "RFC 9110, Section 15.5.3",
     0},
    {403, "Forbidden", "FORBIDDEN", "RFC 9110, Section 15.5.4", 0},
    {404, "Not Found", "NOT_FOUND", "RFC 9110, Section 15.5.5", HTTP_CACHEABLE},
    {405, "Method Not Allowed", "METHOD_NOT_ALLOWED",
     "RFC 9110, Section 15.5.6", HTTP_CACHEABLE},
    {406, "Not Acceptable", "NOT_ACCEPTABLE", "RFC 9110, Section 15.5.7", 0},
    {407, "Proxy Authentication Required", "PROXY_AUTHENTICATION_REQUIRED",
     "RFC 9110, Section 15.5.8", 0},
    {408, "Request Timeout", "REQUEST_TIMEOUT", "RFC 9110, Section 15.5.9", 0},
    {409, "Conflict", "CONFLICT", "RFC 9110, Section 15.5.10", 0},
    {410, "Gone", "GONE", "RFC 9110, Section 15.5.11", HTTP_CACHEABLE},
    {411, "Length Required", "LENGTH_REQUIRED", "RFC 9110, Section 15.5.12", 0},
    {412, "Precondition Failed", "PRECONDITION_FAILED",
     "RFC 9110, Section 15.5.13", 0},
    {413, "Content Too Large", "CONTENT_TOO_LARGE", "RFC 9110, Section 15.5.14",
     0},
    {414, "URI Too Long", "URI_TOO_LONG", "RFC 9110, Section 15.5.15",
     HTTP_CACHEABLE},
    {415, "Unsupported Media Type", "UNSUPPORTED_MEDIA_TYPE",
     "RFC 9110, Section 15.5.16", 0},
    {416, "Range Not Satisfiable", "RANGE_NOT_SATISFIABLE",
     "RFC 9110, Section 15.5.17", 0},
    {417, "Expectation Failed", "EXPECTATION_FAILED",
     "RFC 9110, Section 15.5.18", 0},
    {418, "I'm a Teapot", "IM_A_TEAPOT", "RFC 9110, Section 15.5.19",
     HTTP_DEPRECATED},
    {421, "Misdirected Request", "MISDIRECTED_REQUEST",
     "RFC 9110, Section 15.5.20", 0},
    {422, "Unprocessable Content", "UNPROCESSABLE_CONTENT",
     "RFC 9110, Section 15.5.21", 0},
    {423, "Locked", "LOCKED", "RFC 4918", 0},
    {424, "Failed Dependency", "FAILED_DEPENDENCY", "RFC 4918", 0},
    {425, "Too Early", "TOO_EARLY", "RFC 8470", 0},
    {426, "Upgrade Required", "UPGRADE_REQUIRED", "RFC 9110, Section 15.5.22",
     0},
    {428, "Precondition Required", "PRECONDITION_REQUIRED", "RFC 6585", 0},
    {429, "Too Many Requests", "TOO_MANY_REQUESTS", "RFC 6585", 0},
    {431, "Request Header Fields Too Large", "REQUEST_HEADER_FIELDS_TOO_LARGE",
     "RFC 6585", 0},
    {451, "Unavailable For Legal Reasons", "UNAVAILABLE_FOR_LEGAL_REASONS",
     "RFC 7725", HTTP_CACHEABLE},
    {500, "Internal Server Error", "INTERNAL_SERVER_ERROR",
     "RFC 9110, Section 15.6.1", 0},
    {501, "Not Implemented", "NOT_IMPLEMENTED", "RFC 9110, Section 15.6.2",
     HTTP_CACHEABLE},
    {502, "Bad Gateway", "BAD_GATEWAY", "RFC 9110, Section 15.6.3",
     HTTP_RETRYABLE},
    {503, "Service Unavailable", "SERVICE_UNAVAILABLE",
     "RFC 9110, Section 15.6.4", HTTP_RETRYABLE},
    {504, "Gateway Timeout", "GATEWAY_TIMEOUT", "RFC 9110, Section 15.6.5",
     HTTP_RETRYABLE},
    {505, "HTTP Version Not Supported", "HTTP_VERSION_NOT_SUPPORTED",
     "RFC 9110, Section 15.6.6", 0},
    {506, "Variant Also Negotiates", "VARIANT_ALSO_NEGOTIATES", "RFC 2295", 0},
    {507, "Insufficient Storage", "INSUFFICIENT_STORAGE", "RFC 4918", 0},
    {508, "Loop Detected", "LOOP_DETECTED", "RFC 5842", 0},
    {510, "Not Extended", "NOT_EXTENDED",
     "RFC 2774; status-change-http-experiments-to-historic", HTTP_DEPRECATED},
    {511, "Network Authentication Required", "NETWORK_AUTHENTICATION_REQUIRED",
     "RFC 6585", 0},
};
const size_t http_registry_count = COUNT(http_registry);

/* By code, each code's oldest last. The RFC 1945, 2068 and 2616 phrases
   are their Section 6.1.1 lists' (and 2616's Section 10 headings'); those
   equal to RFC 9110's but for case are left out (505 "HTTP Version not
   supported", 416 "Requested range not satisfiable"). */
const struct http_alias http_aliases[] = {
    /* RFC 1945 and 2068 */
    {302, "Moved Temporarily", "MOVED_TEMPORARILY"},
    /* RFC 2068 and 2616 */
    {408, "Request Time-out", "REQUEST_TIME_OUT"},
    /* RFC 7231; RFC 2068 and 2616 */
    {413, "Payload Too Large", "PAYLOAD_TOO_LARGE"},
    {413, "Request Entity Too Large", "REQUEST_ENTITY_TOO_LARGE"},
    /* RFC 2616 (Section 10.4.15); RFC 2068 and 2616 */
    {414, "Request-URI Too Long", "REQUEST_URI_TOO_LONG"},
    {414, "Request-URI Too Large", "REQUEST_URI_TOO_LARGE"},
    /* RFC 2616 (Section 10.4.17) */
    {416, "Requested Range Not Satisfiable", "REQUESTED_RANGE_NOT_SATISFIABLE"},
    /* RFC 4918 */
    {422, "Unprocessable Entity", "UNPROCESSABLE_ENTITY"},
    /* RFC 2068 and 2616 */
    {504, "Gateway Time-out", "GATEWAY_TIME_OUT"},
};
const size_t http_aliases_count = COUNT(http_aliases);

const struct http_seed http_seed[] = {
    {100, "The client should continue with the request."},
    {101, "The server accepts the client's request to change protocols."},
    {200, "The request was successful, and the server is returning the "
          "requested resource."},
    {201, "The request was successful, and the resource was created (usually "
          "in response to a POST)."},
    {202, "The request was accepted but has not yet been processed."},
    {204, "The request was successful, but there is no content to return."},
    {300, "Multiple choices for the resource; the client must choose one."},
    {301, "The requested resource has been moved to a new URL (permanently)."},
    {302, "The requested resource is temporarily available at another URL."},
    {303, "The client should contact another URL to get the response."},
    {304, "The resource has not changed since the last request (used for "
          "caching)."},
    {400, "The server cannot process the request due to invalid syntax."},
    {401, "Authentication is required to access the resource."},
    {403, "The server understands the request but refuses to fulfill it (no "
          "access rights)."},
    {404, "The requested resource was not found on the server."},
    {405, "The method specified in the request is not supported for this "
          "resource."},
    {408, "The request timed out."},
    {500, "General server error; something went wrong."},
    {501, "The server does not support the functionality required to fulfill "
          "the request."},
    {502, "The server acting as a gateway or proxy received an invalid "
          "response from the upstream server."},
    {503, "The server is temporarily unavailable, usually due to overload or "
          "maintenance."},
    {504, "The server acting as a gateway or proxy did not receive a timely "
          "response from the upstream server."},
};
const size_t http_seed_count = COUNT(http_seed);

const char *const http_class_ids[5] = {
    "informational", "success", "redirection", "client_error", "server_error"};
const char *const http_class_titles[5] = {
    "Informational", "Success", "Redirect", "Client Errors", "Server Errors"};

const struct http_code *http_registry_find(int code)
{
  size_t i;

  for (i = 0; i < http_registry_count; i++)
    if (http_registry[i].code == code)
      return &http_registry[i];
  return 0;
}

#ifndef MOTCUA_CCURL_SHIM_H
#define MOTCUA_CCURL_SHIM_H

// curl_easy_setopt and curl_easy_getinfo are variadic, and Swift cannot call C variadic
// functions. Each wrapper below fixes one argument type, so Swift sees a typed, non-variadic
// signature and the compiler checks what we pass. Every symbol carries the `ccurl_` prefix so it
// cannot clash with another module's C helpers (swift-nio's rule for C shims).

#include <curl/curl.h>

// MARK: - setopt, one wrapper per argument type

/// Options that take a `long` (flags, timeouts in milliseconds, sizes that fit in a long).
static inline CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options that take a `curl_off_t` (the `*_LARGE` sizes).
static inline CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options that take a C string. libcurl copies these, except CURLOPT_POSTFIELDS (see below).
static inline CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options that take an opaque pointer (WRITEDATA, HEADERDATA, READDATA, XFERINFODATA,
/// ERRORBUFFER, POSTFIELDS). libcurl does not copy what they point to: it must outlive the transfer.
static inline CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Options that take a header list (HTTPHEADER, PROXYHEADER). The list must outlive the transfer.
static inline CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

// MARK: - setopt, callbacks (the option is implied by the callback's type)

static inline CURLcode ccurl_easy_setopt_write_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode ccurl_easy_setopt_header_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode ccurl_easy_setopt_read_function(CURL *handle, curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode ccurl_easy_setopt_xferinfo_function(CURL *handle, curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

// MARK: - setopt, version-dependent helpers

/// Restricts transfers and redirects to http and https, so a URL from elsewhere cannot make the
/// client open file://, ftp:// or other schemes. CURLOPT_PROTOCOLS_STR exists from 7.85.0; the
/// bitmask options it replaced are deprecated there.
static inline CURLcode ccurl_easy_restrict_protocols_to_http(CURL *handle) {
#if LIBCURL_VERSION_NUM >= 0x075500
    CURLcode code = curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    CURLcode code = curl_easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

// MARK: - getinfo, one wrapper per result type

static inline CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// The string stays owned by the handle and is valid until the next transfer or reset.
static inline CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif

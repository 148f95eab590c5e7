#pragma once
// HttpClient: one blocking HTTP request at a time, called from a worker thread (never the UI thread).
// Transport failures are kept apart from HTTP statuses: a 404 is a response, a refused connection is an
// HttpFailure.
//
// Backends: linux/http_client_curl.cpp (libcurl); fake/http_client_fake.cpp (a scripted client for unit
// tests, and a built-in sample backend that makeHttpClient() returns in the fake platform).
// Feature checklist of the curl backend:
//  [x] connect and total timeouts            [x] response size cap (Content-Length and counted bytes)
//  [x] cancel from another thread (~50 ms)   [x] TLS verification always on, custom CA bundle
//  [x] public-key pinning                    [x] client certificate and key
//  [x] never follows redirects               [x] http/https only, CURLOPT_NOSIGNAL

#include <atomic>
#include <chrono>
#include <cstddef>
#include <expected>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace platform {

struct HttpOptions {
    std::string caBundle;         ///< PEM CA bundle file; empty = the system's trust store
    std::string pinnedPublicKey;  ///< "sha256//BASE64[;sha256//...]" or a PEM/DER key file; empty = no pin
    std::string clientCert;       ///< PEM client certificate (optional)
    std::string clientKey;        ///< PEM key of clientCert
    std::chrono::milliseconds connectTimeout{3000};
    std::chrono::milliseconds totalTimeout{8000};
    std::size_t maxResponseBytes = 1024 * 1024;
};

struct HttpRequest {
    std::string method = "GET";  ///< GET or POST
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct HttpResponse {
    int status = 0;
    std::string contentType;  ///< lower-case, as sent (may carry "; charset=...")
    std::string etag;
    std::string body;
};

enum class HttpFailure {
    Offline,    ///< resolve, connect, send or receive failed; connection reset
    Timeout,    ///< connect or total timeout
    Tls,        ///< certificate, CA file, pin or client-certificate problem
    TooLarge,   ///< the body is (or announces to be) over maxResponseBytes
    Cancelled,  ///< the cancel flag was raised
    Protocol,   ///< not HTTP, bad URL, unsupported scheme
};

struct HttpError {
    HttpFailure kind = HttpFailure::Offline;
    std::string diagnostic;  ///< for staff logs (the transport's message; no request body)
};

class HttpClient {
public:
    virtual ~HttpClient() = default;
    /// Performs one request, blocking the calling thread.
    /// @param cancel raised by another thread to abort (may be nullptr)
    virtual std::expected<HttpResponse, HttpError> perform(const HttpRequest& request, const HttpOptions& options,
                                                           const std::atomic<bool>* cancel) = 0;
};

/// The platform's client. platform_linux: libcurl (curl_global_init must have run once in main).
/// platform_fake: a built-in sample backend on no network (see fake/http_client_fake.hpp).
std::unique_ptr<HttpClient> makeHttpClient();

}  // namespace platform

#pragma once
// BackendClient: the kiosk's side of docs/api/openapi.yaml. Synchronous (call it from a worker thread;
// LookupService does), retries idempotent GETs with backoff, maps every failure to a LookupErrorKind
// and logs the kind and a diagnostic, never the dossier's personal data nor the device token.

#include <atomic>
#include <chrono>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/core/api/api_messages.hpp"
#include "kiosk/core/api/lookup_error.hpp"
#include "kiosk/core/config/settings.hpp"
#include "kiosk/core/dossier/dossier.hpp"
#include "platform/http_client.hpp"

namespace kiosk::app {

struct BackendOptions {
    std::string baseUrl;  ///< e.g. "https://kiosk-api.example.gov.vn" (the client adds /api/v1/...)
    std::string token;    ///< device bearer token; empty = no Authorization header
    /// http.totalTimeout is the whole wait of one call: every attempt and backoff fits inside it.
    platform::HttpOptions http;
    int retries = 2;  ///< extra attempts for GETs after offline / 502 / 503, while time is left
    std::chrono::milliseconds backoff{250};  ///< first wait; doubles per attempt
    bool allowInsecureHttp = false;  ///< accept http:// to a host other than loopback (backend.allow_insecure_http)
};

/// When a call must have finished: the citizen's wait, shared by the calls of one lookup.
using Deadline = std::chrono::steady_clock::time_point;

/// Reads the device token file: refuses a file that other users can read (names the file and the fix).
/// @return the token (surrounding whitespace trimmed), or a message for the operator
std::expected<std::string, std::string> readDeviceToken(const std::string& path);

/// Client options from the [backend] settings, reading the token file (see readDeviceToken). Warns in
/// the log when backend.allow_insecure_http lets plain http:// reach another host (at every start).
/// @return the options, or an error for the operator (diagnostic) whose kind is what citizens are
///         shown meanwhile: Offline when backend.url is empty, Unauthorized when the token file is
///         unusable (a kiosk must not start with a world-readable token), Tls for plain http:// to
///         another host without backend.allow_insecure_http
std::expected<BackendOptions, core::LookupError> backendOptionsFrom(const core::BackendSettings& settings);

/// The guidance catalog as fetched: either a new body with its ETag, or "not modified".
struct CatalogFetch {
    bool notModified = false;
    std::string etag;
    std::string body;
};

class BackendClient {
public:
    /// @param http    transport; must outlive the client
    /// @param options base URL, token, TLS and timeouts
    BackendClient(platform::HttpClient& http, BackendOptions options);

    /// GET /api/v1/receipt-tokens/{token} -> dossier code.
    /// @param deadline when the whole call (retries and backoff included) must be over; the default
    ///                 is now + http.totalTimeout. A lookup that needs two calls passes one deadline.
    std::expected<std::string, core::LookupError> resolveToken(std::string_view token, const std::atomic<bool>* cancel,
                                                               std::optional<Deadline> deadline = std::nullopt);
    /// GET /api/v1/dossiers/{code} -> masked dossier. @param deadline as for resolveToken
    std::expected<core::Dossier, core::LookupError> lookupDossier(std::string_view code, const std::atomic<bool>* cancel,
                                                                  std::optional<Deadline> deadline = std::nullopt);
    /// GET /api/v1/guidance/catalog with If-None-Match.
    std::expected<CatalogFetch, core::LookupError> fetchCatalog(std::string_view etag, const std::atomic<bool>* cancel);
    /// POST /api/v1/ratings (never retried here: the durable queue retries with the same key).
    std::expected<void, core::LookupError> submitRating(const core::Rating& rating, const std::atomic<bool>* cancel);
    /// POST /api/v1/heartbeats (never retried here).
    std::expected<void, core::LookupError> sendHeartbeat(const core::Heartbeat& heartbeat, const std::atomic<bool>* cancel);
    /// POST of one message from the outbox (kiosk/app/services/outbox_delivery.hpp): one attempt, never
    /// retried here, the body sent as queued with its Idempotency-Key.
    /// @return the HTTP status of any answer (the outbox judges it), or why there was none
    std::expected<int, core::LookupError> postQueued(std::string_view path, std::string_view body,
                                                      std::string_view idempotencyKey, const std::atomic<bool>* cancel);
    /// One request exactly as the kiosk sends it (base URL, Accept, the device token), without retries
    /// and without judging the answer: for `kiosk check-backend`, which judges the raw answer.
    /// @param request method, path under the base URL ("/api/v1/..."), extra headers, body
    std::expected<platform::HttpResponse, platform::HttpError> exchange(platform::HttpRequest request,
                                                                       const std::atomic<bool>* cancel);

    [[nodiscard]] const BackendOptions& options() const { return m_options; }

private:
    /// exchange() with these HTTP options (send() narrows the timeouts to what its deadline leaves).
    std::expected<platform::HttpResponse, platform::HttpError> exchange(platform::HttpRequest request,
                                                                       const platform::HttpOptions& http,
                                                                       const std::atomic<bool>* cancel);
    std::expected<platform::HttpResponse, core::LookupError> send(const platform::HttpRequest& request, bool idempotent,
                                                                  const std::atomic<bool>* cancel,
                                                                  std::optional<Deadline> deadline = std::nullopt);
    platform::HttpClient& m_http;
    BackendOptions m_options;
};


/// @return true for "application/json", with or without parameters ("; charset=utf-8"): the only
///         Content-Type the kiosk reads a body with
bool isJsonContentType(std::string_view contentType);

}  // namespace kiosk::app

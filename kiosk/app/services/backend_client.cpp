#include "kiosk/app/services/backend_client.hpp"

#include <spdlog/spdlog.h>

#include <thread>

#include "kiosk/core/api/backend_url.hpp"
#include "kiosk/core/api/device_token.hpp"
#include "kiosk/core/api/dossier_mapping.hpp"
#include "kiosk/core/text/url_encoding.hpp"
#include "kiosk/core/common/file_reader.hpp"

namespace kiosk::app {
namespace {

using core::LookupError;
using core::LookupErrorKind;

core::LookupErrorKind kindOf(platform::HttpFailure failure) {
    switch (failure) {
        case platform::HttpFailure::Offline: return LookupErrorKind::Offline;
        case platform::HttpFailure::Timeout: return LookupErrorKind::Timeout;
        case platform::HttpFailure::Tls: return LookupErrorKind::Tls;
        case platform::HttpFailure::TooLarge: return LookupErrorKind::BadResponse;
        case platform::HttpFailure::Cancelled: return LookupErrorKind::Cancelled;
        case platform::HttpFailure::Protocol: return LookupErrorKind::BadResponse;
    }
    return LookupErrorKind::Offline;
}

// Waits `delay`, waking every 20 ms to honour a cancel; @return false when cancelled.
bool sleepUnlessCancelled(std::chrono::milliseconds delay, const std::atomic<bool>* cancel) {
    const auto until = std::chrono::steady_clock::now() + delay;
    while (std::chrono::steady_clock::now() < until) {
        if (cancel != nullptr && cancel->load()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return !(cancel != nullptr && cancel->load());
}

std::unexpected<LookupError> logged(LookupError error, std::string_view what) {
    // The kind and the transport/status diagnostic only: never the code, names or the token.
    if (error.kind == LookupErrorKind::Cancelled) {
        spdlog::debug("backend {}: cancelled", what);
    } else {
        spdlog::warn("backend {}: {} (http {}): {}", what, core::toString(error.kind), error.httpStatus, error.diagnostic);
    }
    return std::unexpected(std::move(error));
}

}  // namespace

std::expected<std::string, std::string> readDeviceToken(const std::string& path) {
    // Owner-only (the token lets anyone query every dossier), small, checked before reading.
    auto text = core::readRegularFile(path, {.maxBytes = core::kMaxTokenFileBytes, .ownerOnly = true});
    if (!text) return std::unexpected("device token file " + path + ": " + text.error().message);
    auto token = core::parseDeviceToken(*text);
    if (!token) return std::unexpected("device token file " + path + ": " + token.error().message);
    return std::move(*token);
}

std::expected<BackendOptions, LookupError> backendOptionsFrom(const core::BackendSettings& settings) {
    if (settings.url.empty()) {
        return std::unexpected(
            LookupError{LookupErrorKind::Offline, "no backend URL: set backend.url in the config or pass --backend URL", 0});
    }
    const bool plainRemote = core::isPlainHttpToRemoteHost(settings.url);
    if (plainRemote && !settings.allowInsecureHttp) {
        return std::unexpected(LookupError{LookupErrorKind::Tls,
                                           "backend.url " + settings.url +
                                               " is plain http:// to a host other than loopback: the device token would "
                                               "travel in clear text. Use https:// (or set backend.allow_insecure_http = true)",
                                           0});
    }
    if (plainRemote) {
        spdlog::warn("backend.allow_insecure_http = true: the device token and dossier data travel UNENCRYPTED to {}",
                     settings.url);
    }
    BackendOptions options;
    options.baseUrl = settings.url;
    options.allowInsecureHttp = settings.allowInsecureHttp;
    if (!settings.tokenFile.empty()) {
        auto token = readDeviceToken(settings.tokenFile);
        if (!token) return std::unexpected(LookupError{LookupErrorKind::Unauthorized, token.error(), 0});
        options.token = std::move(*token);
    }
    options.http.caBundle = settings.caBundle;
    options.http.pinnedPublicKey = settings.pinnedPublicKey;
    options.http.clientCert = settings.clientCert;
    options.http.clientKey = settings.clientKey;
    options.http.connectTimeout = std::chrono::milliseconds{settings.connectTimeoutMs};
    options.http.totalTimeout = std::chrono::milliseconds{settings.totalTimeoutMs};
    options.http.maxResponseBytes = static_cast<std::size_t>(settings.maxResponseBytes);
    options.retries = settings.retries;
    options.backoff = std::chrono::milliseconds{settings.retryBackoffMs};
    return options;
}

bool isJsonContentType(std::string_view contentType) {
    return contentType.starts_with("application/json") &&
           (contentType.size() == 16 || contentType[16] == ';' || contentType[16] == ' ');
}

BackendClient::BackendClient(platform::HttpClient& http, BackendOptions options)
    : m_http(http), m_options(std::move(options)) {
    while (m_options.baseUrl.ends_with('/')) m_options.baseUrl.pop_back();
}

std::expected<platform::HttpResponse, LookupError> BackendClient::send(const platform::HttpRequest& request, bool idempotent,
                                                                       const std::atomic<bool>* cancel,
                                                                       std::optional<Deadline> deadline) {
    using std::chrono::milliseconds;
    if (!m_options.baseUrl.starts_with("http://") && !m_options.baseUrl.starts_with("https://")) {
        return std::unexpected(LookupError{LookupErrorKind::Offline, "backend URL must start with http:// or https://", 0});
    }
    // The same rule as the configuration check, for every way options reach the client.
    if (!m_options.allowInsecureHttp && core::isPlainHttpToRemoteHost(m_options.baseUrl)) {
        return std::unexpected(LookupError{LookupErrorKind::Tls, "plain http:// to a host other than loopback is refused", 0});
    }
    // The configured total timeout is the citizen's wait: every attempt and backoff fits inside it.
    const Deadline end = deadline.value_or(std::chrono::steady_clock::now() + m_options.http.totalTimeout);
    const auto left = [&] {
        return std::chrono::duration_cast<milliseconds>(end - std::chrono::steady_clock::now());
    };
    const int attempts = 1 + (idempotent ? std::max(0, m_options.retries) : 0);
    auto delay = m_options.backoff;
    LookupError last{LookupErrorKind::Timeout, "no time left for the request", 0};
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        platform::HttpOptions http = m_options.http;
        http.totalTimeout = std::min(http.totalTimeout, left());
        if (http.totalTimeout < milliseconds{1}) break;  // `last` says why there is no time left
        http.connectTimeout = std::min(http.connectTimeout, http.totalTimeout);
        auto response = exchange(request, http, cancel);
        bool retryable = false;
        if (!response) {
            last = LookupError{kindOf(response.error().kind), response.error().diagnostic, 0};
            retryable = response.error().kind == platform::HttpFailure::Offline;
        } else if (response->status >= 200 && response->status < 300) {
            return std::move(*response);
        } else if (response->status == 304) {
            return std::move(*response);
        } else {
            const int status = response->status;
            last = LookupError{core::kindForHttpStatus(status), "HTTP " + std::to_string(status), status};
            if (status >= 300 && status < 400) last.diagnostic += " (redirects are not followed)";
            // Only the kind, from the contract's fixed list: the backend's own text may carry a name
            // or ID it was sent, and this diagnostic is logged.
            if (auto body = core::parseErrorBody(response->body)) {
                last.diagnostic += " (error kind: " + std::string{core::toString(body->kind)} + ")";
            }
            retryable = status == 502 || status == 503;
        }
        if (last.kind == LookupErrorKind::Cancelled || !retryable || attempt == attempts) break;
        // A retry that could not start before the deadline would only make the citizen wait longer.
        if (left() <= delay) break;
        spdlog::info("backend: attempt {} failed ({}), retrying in {} ms", attempt, core::toString(last.kind), delay.count());
        if (!sleepUnlessCancelled(delay, cancel)) {
            last = LookupError{LookupErrorKind::Cancelled, "cancelled during backoff", 0};
            break;
        }
        delay *= 2;
    }
    return std::unexpected(last);
}

std::expected<platform::HttpResponse, platform::HttpError> BackendClient::exchange(platform::HttpRequest request,
                                                                                  const std::atomic<bool>* cancel) {
    return exchange(std::move(request), m_options.http, cancel);
}

std::expected<platform::HttpResponse, platform::HttpError> BackendClient::exchange(platform::HttpRequest request,
                                                                                  const platform::HttpOptions& http,
                                                                                  const std::atomic<bool>* cancel) {
    request.url = m_options.baseUrl + request.url;
    request.headers.emplace_back("Accept", "application/json");
    if (!m_options.token.empty()) request.headers.emplace_back("Authorization", "Bearer " + m_options.token);
    return m_http.perform(request, http, cancel);
}

std::expected<std::string, LookupError> BackendClient::resolveToken(std::string_view token, const std::atomic<bool>* cancel,
                                                                   std::optional<Deadline> deadline) {
    auto response = send({"GET", "/api/v1/receipt-tokens/" + core::percentEncode(token), {}, {}}, true, cancel, deadline);
    if (!response) return logged(response.error(), "token");
    if (!isJsonContentType(response->contentType)) {
        return logged({LookupErrorKind::BadResponse, "content type is not application/json", response->status}, "token");
    }
    auto code = core::mapReceiptToken(response->body);
    if (!code) return logged(code.error(), "token");
    return code;
}

std::expected<core::Dossier, LookupError> BackendClient::lookupDossier(std::string_view code, const std::atomic<bool>* cancel,
                                                                      std::optional<Deadline> deadline) {
    auto response = send({"GET", "/api/v1/dossiers/" + core::percentEncode(code), {}, {}}, true, cancel, deadline);
    if (!response) return logged(response.error(), "dossier");
    if (response->status != 200) {
        return logged({LookupErrorKind::Server, "unexpected HTTP " + std::to_string(response->status), response->status}, "dossier");
    }
    if (!isJsonContentType(response->contentType)) {
        return logged({LookupErrorKind::BadResponse, "content type is not application/json", response->status}, "dossier");
    }
    auto dossier = core::mapDossier(response->body, code);
    if (!dossier) {
        auto error = dossier.error();
        error.httpStatus = response->status;
        return logged(std::move(error), "dossier");
    }
    return dossier;
}

std::expected<CatalogFetch, LookupError> BackendClient::fetchCatalog(std::string_view etag, const std::atomic<bool>* cancel) {
    platform::HttpRequest request{"GET", "/api/v1/guidance/catalog", {}, {}};
    if (!etag.empty()) request.headers.emplace_back("If-None-Match", std::string{etag});
    auto response = send(request, true, cancel);
    if (!response) return logged(response.error(), "catalog");
    CatalogFetch out;
    out.etag = response->etag;
    if (response->status == 304) {
        out.notModified = true;
        if (out.etag.empty()) out.etag = std::string{etag};
        return out;
    }
    if (!isJsonContentType(response->contentType)) {
        return logged({LookupErrorKind::BadResponse, "content type is not application/json", response->status}, "catalog");
    }
    out.body = std::move(response->body);
    return out;
}

std::expected<void, LookupError> BackendClient::submitRating(const core::Rating& rating, const std::atomic<bool>* cancel) {
    platform::HttpRequest request{"POST", "/api/v1/ratings", {}, core::buildRatingJson(rating)};
    request.headers.emplace_back("Content-Type", "application/json");
    request.headers.emplace_back("Idempotency-Key", rating.idempotencyKey);
    auto response = send(request, false, cancel);
    if (!response) return logged(response.error(), "rating");
    return {};
}

std::expected<void, LookupError> BackendClient::sendHeartbeat(const core::Heartbeat& heartbeat, const std::atomic<bool>* cancel) {
    platform::HttpRequest request{"POST", "/api/v1/heartbeats", {}, core::buildHeartbeatJson(heartbeat)};
    request.headers.emplace_back("Content-Type", "application/json");
    auto response = send(request, false, cancel);
    if (!response) return logged(response.error(), "heartbeat");
    return {};
}

// -- the outbox's delivery (kiosk/app/services/outbox_delivery.cpp) -------------------------------

std::expected<int, LookupError> BackendClient::postQueued(std::string_view path, std::string_view body,
                                                          std::string_view idempotencyKey,
                                                          const std::atomic<bool>* cancel) {
    platform::HttpRequest request{"POST", std::string{path}, {}, std::string{body}};
    request.headers.emplace_back("Content-Type", "application/json");
    request.headers.emplace_back("Idempotency-Key", std::string{idempotencyKey});
    auto response = exchange(std::move(request), cancel);
    if (!response) return std::unexpected(LookupError{kindOf(response.error().kind), response.error().diagnostic, 0});
    return response->status;
}

}  // namespace kiosk::app

#include "kiosk/app/staff/enrolment_client.hpp"

#include <spdlog/spdlog.h>

#include "kiosk/app/services/backend_client.hpp"

namespace kiosk::app {

std::expected<std::string, core::EnrolmentFailure> enrolKiosk(platform::HttpClient& http,
                                                              const core::BackendSettings& backend,
                                                              std::string_view code, std::string_view kioskId,
                                                              const std::atomic<bool>* cancel) {
    core::BackendSettings withoutToken = backend;
    withoutToken.tokenFile.clear();  // the kiosk has no token yet: that is what it asks for
    auto options = backendOptionsFrom(withoutToken);
    if (!options) {
        spdlog::error("enrolment: {}", options.error().diagnostic);
        return std::unexpected(core::EnrolmentFailure::Rejected);
    }
    platform::HttpRequest request;
    request.method = "POST";
    std::string base = options->baseUrl;
    while (!base.empty() && base.back() == '/') base.pop_back();
    request.url = base + "/api/v1/enrolments";
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    request.body = core::enrolmentRequestJson(code, kioskId, KIOSK_VERSION);
    auto response = http.perform(request, options->http, cancel);
    if (!response) {
        spdlog::warn("enrolment: no answer from the backend: {}", response.error().diagnostic);
        switch (response.error().kind) {
            case platform::HttpFailure::Timeout: return std::unexpected(core::EnrolmentFailure::Timeout);
            case platform::HttpFailure::Tls: return std::unexpected(core::EnrolmentFailure::Tls);
            case platform::HttpFailure::TooLarge:
            case platform::HttpFailure::Protocol: return std::unexpected(core::EnrolmentFailure::BadAnswer);
            case platform::HttpFailure::Offline:
            case platform::HttpFailure::Cancelled: return std::unexpected(core::EnrolmentFailure::Offline);
        }
        return std::unexpected(core::EnrolmentFailure::Offline);
    }
    auto token = core::readEnrolmentAnswer(response->status, response->body);
    if (!token) {
        spdlog::warn("enrolment refused: HTTP {} ({})", response->status, core::toString(token.error()));
    } else {
        spdlog::info("enrolment: device token received (HTTP {})", response->status);
    }
    return token;
}

}  // namespace kiosk::app

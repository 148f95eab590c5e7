#include "platform/fake/http_client_fake.hpp"

namespace platform {

std::expected<HttpResponse, HttpError> FakeHttpClient::perform(const HttpRequest& request, const HttpOptions& options,
                                                               const std::atomic<bool>* cancel) {
    {
        std::lock_guard lock{m_mutex};
        m_requests.push_back(request);
        m_lastOptions = options;
    }
    if (cancel != nullptr && cancel->load()) return std::unexpected(HttpError{HttpFailure::Cancelled, "cancelled"});
    auto result = m_handler(request);
    if (cancel != nullptr && cancel->load()) return std::unexpected(HttpError{HttpFailure::Cancelled, "cancelled"});
    if (result && result->body.size() > options.maxResponseBytes) {
        return std::unexpected(HttpError{HttpFailure::TooLarge, "body over the size cap"});
    }
    return result;
}

std::vector<HttpRequest> FakeHttpClient::requests() const {
    std::lock_guard lock{m_mutex};
    return m_requests;
}

HttpOptions FakeHttpClient::lastOptions() const {
    std::lock_guard lock{m_mutex};
    return m_lastOptions;
}

}  // namespace platform

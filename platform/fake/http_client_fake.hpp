#pragma once
// FakeHttpClient: answers from a script, records requests. For unit tests of the backend client.

#include <functional>
#include <mutex>

#include "platform/http_client.hpp"

namespace platform {

class FakeHttpClient final : public HttpClient {
public:
    using Handler = std::function<std::expected<HttpResponse, HttpError>(const HttpRequest&)>;

    /// Every request is answered by `handler` (called on the caller's thread).
    explicit FakeHttpClient(Handler handler) : m_handler(std::move(handler)) {}

    std::expected<HttpResponse, HttpError> perform(const HttpRequest& request, const HttpOptions& options,
                                                   const std::atomic<bool>* cancel) override;

    /// @return a copy of every request performed so far
    std::vector<HttpRequest> requests() const;
    /// The options of the last request.
    HttpOptions lastOptions() const;

private:
    Handler m_handler;
    mutable std::mutex m_mutex;
    std::vector<HttpRequest> m_requests;  // guarded by m_mutex
    HttpOptions m_lastOptions;            // guarded by m_mutex
};

}  // namespace platform

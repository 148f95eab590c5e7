#pragma once
// POST /api/v1/enrolments (docs/api/openapi.yaml): the one-time code for the device token. Blocking:
// call it from a worker thread. Never logs the code or the token.

#include <atomic>
#include <expected>
#include <string>
#include <string_view>

#include "kiosk/core/config/settings.hpp"
#include "kiosk/core/staff/enrolment.hpp"
#include "platform/http_client.hpp"

namespace kiosk::app {

/// Exchanges @p code for the device token at the backend @p backend names (its URL, TLS settings and
/// timeouts; no token is sent).
/// @return the token, or why the exchange failed
std::expected<std::string, core::EnrolmentFailure> enrolKiosk(platform::HttpClient& http,
                                                              const core::BackendSettings& backend,
                                                              std::string_view code, std::string_view kioskId,
                                                              const std::atomic<bool>* cancel = nullptr);

}  // namespace kiosk::app

#pragma once
// LookupPort: what the kiosk screen needs from the backend client, as the app sees it. The backend
// issue's lookup service implements it (kiosk/app/lookup_service.*); callbacks always arrive on the
// UI thread through the MainThreadQueue, never on a worker.

#include <expected>
#include <functional>
#include <memory>
#include <string>

#include "kiosk/core/api/lookup_error.hpp"
#include "kiosk/core/dossier/dossier.hpp"

namespace kiosk::app {

class MainThreadQueue;

using LookupOutcome = std::expected<core::Dossier, core::LookupError>;

class LookupPort {
public:
    virtual ~LookupPort() = default;
    /// Starts looking up `code` on a worker; `done` runs later on the UI thread, exactly once,
    /// unless cancel() came first.
    virtual void start(const std::string& code, std::function<void(LookupOutcome)> done) = 0;
    /// Drops the answer of the lookup in flight (the citizen went back).
    virtual void cancel() = 0;
    /// Sends a satisfaction rating (0 very satisfied, 1 satisfied, 2 not satisfied) for `code`.
    virtual void rate(const std::string& code, int level) = 0;
};

/// The lookup the kiosk uses: the backend client when one is configured, otherwise a port that
/// answers every lookup with LookupErrorKind::Offline (the Problem screen says so).
/// @param backendUrl base URL of the backend ("" when none is configured)
std::unique_ptr<LookupPort> makeLookupPort(const std::string& backendUrl, MainThreadQueue& queue);

}  // namespace kiosk::app

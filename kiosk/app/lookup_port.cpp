#include "kiosk/app/lookup_port.hpp"

#include <spdlog/spdlog.h>

#include "kiosk/app/main_thread_queue.hpp"

namespace kiosk::app {
namespace {

// Used while no backend client is built in or configured: every lookup fails as Offline, through
// the queue like a real answer, so the screens behave exactly as with a backend that is down.
class NoBackendLookup final : public LookupPort {
public:
    explicit NoBackendLookup(MainThreadQueue& queue) : m_queue(queue) {}
    void start(const std::string&, std::function<void(LookupOutcome)> done) override {
        m_queue.post([done = std::move(done)] {
            done(std::unexpected(core::LookupError{core::LookupErrorKind::Offline, "no backend client configured", 0}));
        });
    }
    void cancel() override {}
    void rate(const std::string&, int level) override { spdlog::info("rating {} not sent: no backend client", level); }

private:
    MainThreadQueue& m_queue;
};

}  // namespace

std::unique_ptr<LookupPort> makeLookupPort(const std::string& backendUrl, MainThreadQueue& queue) {
    if (!backendUrl.empty()) {
        spdlog::warn("backend {} configured, but this build has no backend client yet", backendUrl);
    }
    return std::make_unique<NoBackendLookup>(queue);
}

}  // namespace kiosk::app

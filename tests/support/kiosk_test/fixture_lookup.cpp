#include "tests/support/kiosk_test/fixture_lookup.hpp"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/ui/fixtures.hpp"

namespace kiosk::app {
namespace {

class FixtureLookup final : public DossierLookup {
public:
    explicit FixtureLookup(std::chrono::milliseconds latency) : m_latency(latency) {}
    ~FixtureLookup() override {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        for (auto& t : m_threads) {
            t.join();
        }
    }
    FixtureLookup(const FixtureLookup&) = delete;
    FixtureLookup& operator=(const FixtureLookup&) = delete;

    void start(LookupTarget target, Done done) override {
        const std::string code = target.index() == 0 ? std::get<core::DossierCode>(target).value : std::string();
        std::lock_guard lock(m_mutex);
        const std::uint64_t generation = ++m_generation;
        m_threads.emplace_back([this, code, generation, done = std::move(done)]() mutable {
            {
                // The worker waits (like a slow network), never the UI thread.
                std::unique_lock lock(m_mutex);
                m_wake.wait_for(lock, m_latency, [&] { return m_stopping || m_generation != generation; });
                if (m_stopping || m_generation != generation) {
                    return;  // cancelled
                }
            }
            done(answer(code));
        });
    }
    void cancel() override {
        {
            std::lock_guard lock(m_mutex);
            ++m_generation;
        }
        m_wake.notify_all();
    }

private:
    static LookupResult answer(const std::string& code) {
        for (const core::Dossier& d : {test::processingDossier(), test::needsDocumentsDossier(), test::needsPaymentDossier(),
                                       test::stoppedDossier()}) {
            if (d.code == code) {
                return d;
            }
        }
        return std::unexpected(core::LookupError{core::LookupErrorKind::NotFound, "not in the sample dossiers", 404});
    }

    std::chrono::milliseconds m_latency;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::uint64_t m_generation = 0;  // guarded by m_mutex; a lookup answers only while it is current
    bool m_stopping = false;         // guarded by m_mutex
    std::vector<std::thread> m_threads;
};

}  // namespace

std::unique_ptr<DossierLookup> makeFixtureLookup(std::chrono::milliseconds latency) {
    spdlog::warn("test lookup: answering from the sample dossiers (test build)");
    return std::make_unique<FixtureLookup>(latency);
}

}  // namespace kiosk::app

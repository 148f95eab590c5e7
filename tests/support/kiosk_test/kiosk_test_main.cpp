// kiosk-test and kiosk-fake: the kiosk with the test hooks, for the UI tests, the screenshots and the
// headless demo. The same command line as `kiosk` plus:
//   --test-control PATH   drive the screen through the FIFO at PATH (test_control.hpp lists the commands)
//   --test-lookup MS      answer lookups from the sample dossiers after MS milliseconds (no backend)
// kiosk-test links platform_linux, kiosk-fake platform_fake (tests/CMakeLists.txt).
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <memory>
#include <string>

#include "kiosk/app/commands/commands.hpp"
#include "tests/support/kiosk_test/fixture_lookup.hpp"
#include "tests/support/kiosk_test/test_hooks.hpp"

namespace {

class TestExtension final : public kiosk::app::CliExtension {
public:
    void addOptions(CLI::App& cli) override {
        cli.add_option("--test-control", m_control, "Test executable: FIFO for the automation interface");
        cli.add_option("--test-lookup", m_lookupLatencyMs, "Test executable: answer lookups from the sample dossiers after MS ms");
    }
    kiosk::app::KioskExtras kioskExtras() override {
        kiosk::app::KioskExtras extras;
        extras.clock = &m_clock;
        if (!m_control.empty()) extras.hooks = std::make_unique<kiosk::app::TestHooks>(m_control, m_clock);
        if (m_lookupLatencyMs >= 0) extras.lookup = kiosk::app::makeFixtureLookup(std::chrono::milliseconds(m_lookupLatencyMs));
        return extras;
    }

private:
    std::string m_control;
    int m_lookupLatencyMs = -1;
    kiosk::app::OffsetClock m_clock;
};

}  // namespace

int main(int argc, char** argv) {
    TestExtension extension;
    return kiosk::app::runCli(argc, argv, &extension);
}

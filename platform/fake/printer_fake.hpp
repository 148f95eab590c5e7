#pragma once
// FakePrinter: a scriptable printer for unit tests and KIOSK_PLATFORM=fake builds.
// Checklist: [x] records jobs  [x] settable status and two-way flag  [x] injected failures
//            [x] simulated slowness bounded by the caller's timeout

#include <chrono>
#include <mutex>
#include <optional>
#include <vector>

#include "platform/printer.hpp"

namespace platform {

class FakePrinter final : public Printer {
public:
    explicit FakePrinter(PrinterStatus status = {}, bool twoWay = true) : m_status(status), m_twoWay(twoWay) {}

    PrintResult<void> print(std::span<const std::uint8_t> job, std::chrono::milliseconds timeout) override;
    PrintResult<PrinterStatus> status(std::chrono::milliseconds timeout) override;
    [[nodiscard]] bool twoWay() const override { return m_twoWay; }
    [[nodiscard]] std::string describe() const override { return "fake:"; }

    // Test controls; safe to call from the test thread while a worker prints.
    void setStatus(PrinterStatus status);
    void failNextPrint(PrintError error);
    void setDelay(std::chrono::milliseconds delay);  ///< each call takes this long (or times out)
    [[nodiscard]] std::vector<std::vector<std::uint8_t>> jobs() const;
    [[nodiscard]] int statusCalls() const;

private:
    mutable std::mutex m_mutex;
    PrinterStatus m_status;
    bool m_twoWay;
    std::optional<PrintError> m_nextFailure;
    std::chrono::milliseconds m_delay{0};
    std::vector<std::vector<std::uint8_t>> m_jobs;
    int m_statusCalls = 0;
};

}  // namespace platform

#include "platform/fake/printer_fake.hpp"

#include <thread>

namespace platform {

namespace {
// Sleeps min(delay, timeout); true when the delay exceeded the timeout.
bool simulateDelay(std::chrono::milliseconds delay, std::chrono::milliseconds timeout) {
    if (delay <= std::chrono::milliseconds{0}) return false;
    std::this_thread::sleep_for(std::min(delay, timeout));
    return delay > timeout;
}
}  // namespace

PrintResult<void> FakePrinter::print(std::span<const std::uint8_t> job, std::chrono::milliseconds timeout) {
    std::chrono::milliseconds delay;
    {
        std::lock_guard lock(m_mutex);
        delay = m_delay;
    }
    if (simulateDelay(delay, timeout)) {
        return std::unexpected(PrintError{PrintFailure::Timeout, "fake printer too slow"});
    }
    std::lock_guard lock(m_mutex);
    if (m_nextFailure) {
        auto e = *m_nextFailure;
        m_nextFailure.reset();
        return std::unexpected(e);
    }
    m_jobs.emplace_back(job.begin(), job.end());
    return {};
}

PrintResult<PrinterStatus> FakePrinter::status(std::chrono::milliseconds timeout) {
    std::chrono::milliseconds delay;
    {
        std::lock_guard lock(m_mutex);
        ++m_statusCalls;
        delay = m_delay;
        if (!m_twoWay) return std::unexpected(PrintError{PrintFailure::NoStatus, "one-way fake"});
    }
    if (simulateDelay(delay, timeout)) {
        return std::unexpected(PrintError{PrintFailure::Timeout, "fake printer too slow"});
    }
    std::lock_guard lock(m_mutex);
    return m_status;
}

void FakePrinter::setStatus(PrinterStatus status) {
    std::lock_guard lock(m_mutex);
    m_status = status;
}

void FakePrinter::failNextPrint(PrintError error) {
    std::lock_guard lock(m_mutex);
    m_nextFailure = std::move(error);
}

void FakePrinter::setDelay(std::chrono::milliseconds delay) {
    std::lock_guard lock(m_mutex);
    m_delay = delay;
}

std::vector<std::vector<std::uint8_t>> FakePrinter::jobs() const {
    std::lock_guard lock(m_mutex);
    return m_jobs;
}

int FakePrinter::statusCalls() const {
    std::lock_guard lock(m_mutex);
    return m_statusCalls;
}

std::unique_ptr<Printer> openPrinter(const PrinterUri&) {
    // KIOSK_PLATFORM=fake: every URI is a ready, two-way fake printer that keeps its jobs in memory.
    return std::make_unique<FakePrinter>();
}

}  // namespace platform

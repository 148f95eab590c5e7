#include "kiosk/app/services/print_service.hpp"

namespace kiosk::app {

PrintService::PrintService(std::unique_ptr<platform::Printer> printer, Callback onDone, Options options)
    : m_printer(std::move(printer)), m_onDone(std::move(onDone)), m_options(options),
      m_worker([this](std::stop_token stop) { run(stop); }) {}

PrintService::~PrintService() {
    m_worker.request_stop();
    m_wake.notify_all();
    // jthread joins here; the job in progress ends within its timeout.
}

std::size_t PrintService::finish(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(m_mutex);
    m_closed = true;
    m_idle.wait_until(lock, deadline, [this] { return m_queue.empty() && !m_executing; });
    std::size_t dropped = 0;
    for (const auto& r : m_queue) dropped += r.kind == PrintOutcome::Kind::Job && !r.refused;
    m_queue.clear();
    lock.unlock();
    m_worker.request_stop();
    m_wake.notify_all();
    if (m_worker.joinable()) m_worker.join();  // a job past the deadline still ends within its timeout
    return dropped;
}

std::uint64_t PrintService::submit(std::vector<std::uint8_t> job) {
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextId++;
        std::size_t pendingJobs = 0;
        for (const auto& r : m_queue) pendingJobs += r.kind == PrintOutcome::Kind::Job && !r.refused;
        const bool refused = m_closed || pendingJobs >= m_options.maxQueued;
        // A refused job still goes through the queue so its outcome arrives on the worker thread,
        // like every other outcome, and in order.
        m_queue.push_back({id, PrintOutcome::Kind::Job, refused ? std::vector<std::uint8_t>{} : std::move(job), refused});
    }
    m_wake.notify_one();
    return id;
}

std::uint64_t PrintService::checkStatus() {
    std::uint64_t id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextId++;
        m_queue.push_back({id, PrintOutcome::Kind::StatusCheck, {}, false});
    }
    m_wake.notify_one();
    return id;
}

std::optional<platform::PrinterStatus> PrintService::lastKnownStatus() const {
    std::lock_guard lock(m_mutex);
    return m_lastStatus;
}

bool PrintService::printerKnownUnavailable() const {
    std::lock_guard lock(m_mutex);
    return m_lastStatus && !m_lastStatus->ready();
}

void PrintService::run(std::stop_token stop) {
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_executing = false;
            m_idle.notify_all();
            if (!m_wake.wait(lock, stop, [this] { return !m_queue.empty(); })) {
                return;  // stop requested
            }
            request = std::move(m_queue.front());
            m_queue.pop_front();
            m_executing = true;
        }
        const PrintOutcome outcome = execute(request);
        if (outcome.status) {
            std::lock_guard lock(m_mutex);
            m_lastStatus = outcome.status;
        }
        if (m_onDone) {
            m_onDone(outcome);
        }
        if (stop.stop_requested()) {
            return;
        }
    }
}

PrintOutcome PrintService::execute(const Request& request) {
    PrintOutcome out;
    out.id = request.id;
    out.kind = request.kind;
    if (request.refused) {
        out.result = std::unexpected(platform::PrintError{platform::PrintFailure::Busy, "too many slips waiting to print"});
        return out;
    }
    if (m_printer->twoWay()) {
        auto status = m_printer->status(m_options.timeout);
        if (!status) {
            out.result = std::unexpected(status.error());
            return out;
        }
        out.status = *status;
        // A status check succeeds whenever the status was read (its flags say the rest); a job
        // stops here when the printer cannot print.
        if (request.kind == PrintOutcome::Kind::StatusCheck) {
            return out;
        }
        if (auto ready = platform::readiness(*status); !ready) {
            out.result = ready;
            return out;
        }
    } else if (request.kind == PrintOutcome::Kind::StatusCheck) {
        out.result = std::unexpected(platform::PrintError{platform::PrintFailure::NoStatus,
                                                          m_printer->describe() + " cannot report status"});
        return out;
    }
    if (request.kind == PrintOutcome::Kind::Job) {
        out.result = m_printer->print(request.job, m_options.timeout);
        if (!out.result && out.result.error().kind == platform::PrintFailure::PaperOut && out.status) {
            out.status->paperOut = true;  // learned during the job
        }
    }
    return out;
}

}  // namespace kiosk::app

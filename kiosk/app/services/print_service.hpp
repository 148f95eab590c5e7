#pragma once
// PrintService: prints ESC/POS jobs on a worker thread so the UI never waits on a printer. Each job
// ends in exactly one PrintOutcome delivered through the callback, on the worker thread: the
// composition root posts it to the main-thread queue (the service never touches UI state).
//
// On two-way transports the printer's status is asked before every job; a printer that is out of
// paper, open or offline gives a typed error (PaperOut, CoverOpen, Offline, ...) and the job is not
// sent. lastKnownStatus() lets the UI hide Print while the printer is known to be out.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "platform/printer.hpp"

namespace kiosk::app {

/// The result of one submitted job or status check.
struct PrintOutcome {
    enum class Kind { Job, StatusCheck };
    std::uint64_t id = 0;
    Kind kind = Kind::Job;
    platform::PrintResult<void> result;          ///< success, or why the job/check failed
    std::optional<platform::PrinterStatus> status;  ///< the status read for this job/check, if any
};

class PrintService {
public:
    using Callback = std::function<void(const PrintOutcome&)>;

    struct Options {
        std::chrono::milliseconds timeout{8000};  ///< per printer call (status and job separately)
        std::size_t maxQueued = 4;                ///< more pending jobs than this are refused as Busy
    };

    /// Starts the worker thread. `onDone` runs on the worker thread.
    PrintService(std::unique_ptr<platform::Printer> printer, Callback onDone, Options options);
    PrintService(std::unique_ptr<platform::Printer> printer, Callback onDone)
        : PrintService(std::move(printer), std::move(onDone), Options{}) {}
    /// Finishes the job in progress (bounded by its timeout), drops queued ones, joins the worker.
    ~PrintService();
    /// A clean stop: the jobs already queued still print until `deadline` (each bounded by its timeout),
    /// then the worker stops; later submissions are refused as Busy.
    /// @return how many queued jobs were not printed in time (dropped without an outcome)
    std::size_t finish(std::chrono::steady_clock::time_point deadline);
    PrintService(const PrintService&) = delete;
    PrintService& operator=(const PrintService&) = delete;

    /// Queues one job. @return its id (the outcome carries it).
    std::uint64_t submit(std::vector<std::uint8_t> job);
    /// Queues a status check (for staff mode and heartbeats). @return its id.
    std::uint64_t checkStatus();

    /// The status seen most recently (nullopt before the first check or on one-way transports).
    [[nodiscard]] std::optional<platform::PrinterStatus> lastKnownStatus() const;
    /// False when the last status said the printer cannot print (the UI hides Print).
    [[nodiscard]] bool printerKnownUnavailable() const;

private:
    struct Request {
        std::uint64_t id;
        PrintOutcome::Kind kind;
        std::vector<std::uint8_t> job;
        bool refused = false;
    };
    void run(std::stop_token stop);
    PrintOutcome execute(const Request& request);

    std::unique_ptr<platform::Printer> m_printer;  // used only by the worker thread
    Callback m_onDone;
    Options m_options;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::condition_variable_any m_idle;             // with m_mutex: the queue ran dry (finish waits for it)
    std::deque<Request> m_queue;                    // guarded by m_mutex
    bool m_executing = false;                       // guarded by m_mutex: a request is being executed
    bool m_closed = false;                          // guarded by m_mutex: finish() began
    std::uint64_t m_nextId = 1;                     // guarded by m_mutex
    std::optional<platform::PrinterStatus> m_lastStatus;  // guarded by m_mutex
    std::jthread m_worker;                          // last: starts after everything above exists
};

}  // namespace kiosk::app

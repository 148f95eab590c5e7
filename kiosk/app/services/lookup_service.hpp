#pragma once
// LookupService: runs dossier lookups on its own worker thread and hands each result to a callback
// (called on the worker thread: the app posts it to its main-thread queue). One lookup at a time:
// starting a new one or calling cancel() aborts the one in flight, whose callback then gets Cancelled.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <expected>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>

#include "kiosk/app/services/backend_client.hpp"
#include "kiosk/core/receipt/receipt.hpp"

namespace kiosk::app {

using LookupResult = std::expected<core::Dossier, core::LookupError>;
using LookupCallback = std::function<void(std::uint64_t id, LookupResult)>;
/// What to look up: a code read from the receipt, or a token the backend resolves first.
using LookupTarget = std::variant<core::DossierCode, core::ReceiptToken>;

class LookupService {
public:
    /// @param client must outlive the service
    explicit LookupService(BackendClient& client);
    ~LookupService();  ///< cancels the lookup in flight and joins the worker
    LookupService(const LookupService&) = delete;
    LookupService& operator=(const LookupService&) = delete;

    /// Starts a lookup (cancelling any other). @return its id, passed back to `done`
    std::uint64_t start(LookupTarget target, LookupCallback done);
    /// Cancels the lookup in flight, if any; its callback gets LookupErrorKind::Cancelled.
    void cancel();

private:
    struct Job {
        std::uint64_t id = 0;
        LookupTarget target;
        LookupCallback done;
        std::shared_ptr<std::atomic<bool>> cancelled;
    };
    void run();

    BackendClient& m_client;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;                          // guarded by m_mutex
    std::shared_ptr<std::atomic<bool>> m_current;    // cancel flag of the running job; guarded by m_mutex
    std::uint64_t m_nextId = 1;                      // guarded by m_mutex
    bool m_stopping = false;                         // guarded by m_mutex
    std::thread m_worker;                            // last: starts after the members above exist
};

}  // namespace kiosk::app

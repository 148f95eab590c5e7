#include "kiosk/app/services/lookup_service.hpp"

namespace kiosk::app {

LookupService::LookupService(BackendClient& client) : m_client(client), m_worker([this] { run(); }) {}

LookupService::~LookupService() {
    {
        std::lock_guard lock{m_mutex};
        m_stopping = true;
        if (m_current) m_current->store(true);
        for (auto& job : m_jobs) job.cancelled->store(true);
    }
    m_wake.notify_all();
    m_worker.join();
}

std::uint64_t LookupService::start(LookupTarget target, LookupCallback done) {
    std::uint64_t id = 0;
    {
        std::lock_guard lock{m_mutex};
        // One lookup at a time: the newest scan wins, the others end as Cancelled.
        if (m_current) m_current->store(true);
        for (auto& job : m_jobs) job.cancelled->store(true);
        id = m_nextId++;
        m_jobs.push_back(Job{id, std::move(target), std::move(done), std::make_shared<std::atomic<bool>>(false)});
    }
    m_wake.notify_all();
    return id;
}

void LookupService::cancel() {
    std::lock_guard lock{m_mutex};
    if (m_current) m_current->store(true);
    for (auto& job : m_jobs) job.cancelled->store(true);
}

void LookupService::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock{m_mutex};
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty()) return;  // stopping, nothing left to report
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_current = job.cancelled;
        }
        const std::atomic<bool>* cancel = job.cancelled.get();
        LookupResult result = std::unexpected(core::LookupError{core::LookupErrorKind::Cancelled, "cancelled", 0});
        if (!cancel->load()) {
            // One deadline for the whole lookup: a token link takes two calls, the citizen waits once.
            const Deadline deadline = std::chrono::steady_clock::now() + m_client.options().http.totalTimeout;
            if (const auto* token = std::get_if<core::ReceiptToken>(&job.target)) {
                auto code = m_client.resolveToken(token->value, cancel, deadline);
                if (code) result = m_client.lookupDossier(*code, cancel, deadline);
                else result = std::unexpected(code.error());
            } else {
                result = m_client.lookupDossier(std::get<core::DossierCode>(job.target).value, cancel, deadline);
            }
        }
        // A lookup cancelled while its answer was arriving still reports Cancelled: the citizen left.
        if (cancel->load() && result) {
            result = std::unexpected(core::LookupError{core::LookupErrorKind::Cancelled, "cancelled", 0});
        }
        {
            std::lock_guard lock{m_mutex};
            m_current.reset();
        }
        if (job.done) job.done(job.id, std::move(result));
    }
}

}  // namespace kiosk::app

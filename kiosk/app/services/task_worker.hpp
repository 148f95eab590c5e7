#pragma once
// TaskWorker: one thread running short jobs in order (queuing ratings, slip rendering). A clean stop
// calls finish(deadline): the jobs already queued still run until the deadline, and only those left
// then are dropped (SIGTERM must not lose a rating the citizen just gave). Destroying it without
// finish() drops the queued jobs; the running one finishes. A job that throws is logged and the worker
// goes on.

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace kiosk::app {

class TaskWorker {
public:
    TaskWorker() : m_thread([this](std::stop_token stop) { run(stop); }) {}
    ~TaskWorker() {
        m_thread.request_stop();
        m_wake.notify_all();
    }
    TaskWorker(const TaskWorker&) = delete;
    TaskWorker& operator=(const TaskWorker&) = delete;

    /// Thread-safe: queues `job`.
    void post(std::function<void()> job) {
        {
            std::lock_guard lock(m_mutex);
            if (m_closed) return;
            m_jobs.push_back(std::move(job));
        }
        m_wake.notify_one();
    }

    /// Runs the jobs queued so far until `deadline`, then stops the worker; later post()s are dropped.
    /// @return how many queued jobs did not run in time (dropped)
    std::size_t finish(std::chrono::steady_clock::time_point deadline) {
        std::unique_lock lock(m_mutex);
        m_closed = true;
        m_idle.wait_until(lock, deadline, [&] { return m_jobs.empty() && !m_running; });
        const std::size_t dropped = m_jobs.size();
        m_jobs.clear();
        lock.unlock();
        m_thread.request_stop();
        m_wake.notify_all();
        if (m_thread.joinable()) m_thread.join();  // the job running past the deadline ends within its own timeouts
        return dropped;
    }

private:
    void run(std::stop_token stop) {
        while (true) {
            std::function<void()> job;
            {
                std::unique_lock lock(m_mutex);
                m_running = false;
                m_idle.notify_all();
                m_wake.wait(lock, stop, [&] { return !m_jobs.empty(); });
                if (stop.stop_requested()) return;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
                m_running = true;
            }
            try {
                job();
            } catch (const std::exception& e) {
                spdlog::error("background job failed: {}", e.what());
            }
        }
    }

    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::condition_variable m_idle;            // with m_mutex: the queue ran dry (finish waits for it)
    std::deque<std::function<void()>> m_jobs;  // guarded by m_mutex
    bool m_running = false;                    // guarded by m_mutex: a job is running
    bool m_closed = false;                     // guarded by m_mutex: finish() began; post() drops
    std::jthread m_thread;                     // last: starts after the members above exist
};

}  // namespace kiosk::app

#pragma once
// TaskWorker: one thread running short jobs in order (rating delivery, slip rendering). Jobs still
// queued at shutdown are dropped; the running one finishes (its network and printer calls have
// timeouts). A job that throws is logged and the worker goes on.

#include <spdlog/spdlog.h>

#include <condition_variable>
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
            m_jobs.push_back(std::move(job));
        }
        m_wake.notify_one();
    }

private:
    void run(std::stop_token stop) {
        while (true) {
            std::function<void()> job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, stop, [&] { return !m_jobs.empty(); });
                if (stop.stop_requested()) return;
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
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
    std::deque<std::function<void()>> m_jobs;  // guarded by m_mutex
    std::jthread m_thread;                     // last: starts after the members above exist
};

}  // namespace kiosk::app

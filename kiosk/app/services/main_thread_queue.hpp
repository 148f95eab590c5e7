#pragma once
// MainThreadQueue: how worker threads (HTTP, printing, decoding) hand work to the UI thread, which
// alone touches ImGui and the flow state. Workers post callbacks; the UI thread swaps the vector
// under the lock once per frame and runs the callbacks after unlocking, so a callback may post again
// without deadlocking and a slow callback never blocks a worker.

#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace kiosk::app {

class MainThreadQueue {
public:
    using Task = std::function<void()>;

    /// @param wake called after every post, from the posting thread (e.g. glfwPostEmptyEvent) so a
    ///             waiting frame loop wakes up at once
    explicit MainThreadQueue(std::function<void()> wake = {}) : m_wake(std::move(wake)) {}

    /// Thread-safe: queues `task` for the UI thread and wakes the loop.
    void post(Task task) {
        {
            std::lock_guard lock(m_mutex);
            m_tasks.push_back(std::move(task));
        }
        if (m_wake) {
            m_wake();
        }
    }

    /// UI thread: runs everything posted so far, in order. Tasks posted while running wait for the
    /// next call. @return how many tasks ran
    std::size_t runPending() {
        std::vector<Task> tasks;
        {
            std::lock_guard lock(m_mutex);
            tasks.swap(m_tasks);
        }
        for (auto& task : tasks) {
            task();
        }
        return tasks.size();
    }

    /// Thread-safe: true when tasks are waiting.
    [[nodiscard]] bool hasPending() const {
        std::lock_guard lock(m_mutex);
        return !m_tasks.empty();
    }

private:
    mutable std::mutex m_mutex;
    std::vector<Task> m_tasks;  // guarded by m_mutex
    std::function<void()> m_wake;
};

}  // namespace kiosk::app

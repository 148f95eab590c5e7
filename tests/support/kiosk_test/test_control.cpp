#include "tests/support/kiosk_test/test_control.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "kiosk/app/services/main_thread_queue.hpp"

namespace kiosk::app {
namespace {

class FifoControl final : public TestControl {
public:
    FifoControl(std::string path, MainThreadQueue& queue, std::function<void(const std::string&)> handle)
        : m_path(std::move(path)), m_queue(queue), m_handle(std::move(handle)) {
        m_thread = std::thread([this] { readLoop(); });
        // The reader blocks in open() until a writer comes; the process ends without joining it.
        m_thread.detach();
    }
    void reply(const std::string& line) override {
        std::ofstream out(m_path + ".out", std::ios::app);
        out << line << '\n';
    }

private:
    void readLoop() {
        for (;;) {
            std::FILE* in = std::fopen(m_path.c_str(), "r");
            if (in == nullptr) {
                return;
            }
            char buffer[4096];
            while (std::fgets(buffer, sizeof buffer, in) != nullptr) {
                std::string line(buffer);
                while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) {
                    line.pop_back();
                }
                if (!line.empty()) {
                    m_queue.post([this, line] { m_handle(line); });
                }
            }
            std::fclose(in);
        }
    }

    std::string m_path;
    MainThreadQueue& m_queue;
    std::function<void(const std::string&)> m_handle;
    std::thread m_thread;
};

}  // namespace

std::unique_ptr<TestControl> TestControl::start(const std::string& path, MainThreadQueue& queue,
                                                std::function<void(const std::string&)> handle) {
    ::unlink(path.c_str());
    if (::mkfifo(path.c_str(), 0600) != 0) {
        spdlog::error("test control: cannot create FIFO {}", path);
        return nullptr;
    }
    { const std::ofstream truncated(path + ".out", std::ios::trunc); }  // created empty, closed at once
    spdlog::warn("test control enabled on {} (test executable)", path);
    return std::make_unique<FifoControl>(path, queue, std::move(handle));
}

}  // namespace kiosk::app

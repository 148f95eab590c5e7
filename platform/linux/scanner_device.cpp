#include "platform/linux/scanner_device.hpp"

#include <thread>

#include <unistd.h>

#include <spdlog/spdlog.h>

#include "platform/common/device_thread.hpp"

namespace platform::detail {

void ScannerDevice::close(int fd) { ::close(fd); }

namespace {

using State = CameraStatus::State;

class DeviceScanner final : public CodeScanner {
public:
    explicit DeviceScanner(std::unique_ptr<ScannerDevice> device) : m_device(std::move(device)) {}
    ~DeviceScanner() override { stop(); }

    void start(OnCode onCode) override {
        m_thread.start("opening " + m_device->path(),
                       [this, onCode = std::move(onCode)](std::stop_token stop) { run(stop, onCode); });
    }

    void stop() override { m_thread.stop(); }

    [[nodiscard]] CameraStatus status() const override { return m_thread.status().get(); }
    [[nodiscard]] std::string describe() const override { return m_device->describe(); }

private:
    void run(std::stop_token stop, const OnCode& onCode) {
        StatusBox& status = m_thread.status();
        Backoff backoff;
        while (!stop.stop_requested()) {
            std::string why;
            const int fd = m_device->open(why);
            if (fd < 0) {
                status.set(State::Missing, why + "; retrying");
                if (!sleepUnlessStopped(stop, backoff.next())) return;
                continue;
            }
            backoff.reset();
            status.set(State::Running, m_device->path());
            m_device->read(stop, fd, onCode);
            m_device->close(fd);
            if (!stop.stop_requested()) {
                status.set(State::Missing, "scanner " + m_device->path() + " disconnected; reconnecting");
                spdlog::warn("scanner: {}", status.get().reason);
                if (!sleepUnlessStopped(stop, backoff.next())) return;
            }
        }
    }

    std::unique_ptr<ScannerDevice> m_device;
    DeviceThread m_thread;  // last: joined before the device it reads goes away
};

}  // namespace

std::unique_ptr<CodeScanner> makeDeviceScanner(std::unique_ptr<ScannerDevice> device) {
    return std::make_unique<DeviceScanner>(std::move(device));
}

}  // namespace platform::detail

#include "platform/linux/scanner_serial.hpp"

#include <cerrno>
#include <system_error>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include "kiosk/core/receipt/receipt.hpp"
#include "platform/linux/scanner_device.hpp"

namespace platform {
namespace {

speed_t toSpeed(int baud) {
    switch (baud) {
        case 1200: return B1200;
        case 2400: return B2400;
        case 4800: return B4800;
        case 19200: return B19200;
        case 38400: return B38400;
        case 57600: return B57600;
        case 115200: return B115200;
        default: return B9600;
    }
}

/// The tty: raw termios, then one code per line.
class SerialDevice final : public detail::ScannerDevice {
public:
    explicit SerialDevice(SerialScannerOptions options) : m_options(std::move(options)) {}

    [[nodiscard]] const std::string& path() const override { return m_options.device; }
    [[nodiscard]] std::string describe() const override { return "serial scanner " + m_options.device; }

    /// Opens the tty in raw mode. @return fd, or -1 with `why` set.
    int open(std::string& why) override {
        const int fd = ::open(m_options.device.c_str(), O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            why = "cannot open scanner " + m_options.device + " (" + std::generic_category().message(errno) + ")";
            return -1;
        }
        termios tio{};
        if (::tcgetattr(fd, &tio) != 0) {
            why = m_options.device + " is not a serial port (" + std::generic_category().message(errno) + ")";
            ::close(fd);
            return -1;
        }
        // Raw: no echo, no canonical line editing, no CR/LF translation; 8N1 at the given speed.
        ::cfmakeraw(&tio);
        tio.c_cflag |= CLOCAL | CREAD;
        ::cfsetispeed(&tio, toSpeed(m_options.baud));
        ::cfsetospeed(&tio, toSpeed(m_options.baud));
        if (::tcsetattr(fd, TCSANOW, &tio) != 0) {
            why = "cannot configure " + m_options.device + " (" + std::generic_category().message(errno) + ")";
            ::close(fd);
            return -1;
        }
        ::tcflush(fd, TCIFLUSH);
        return fd;
    }

    void read(std::stop_token stop, int fd, const CodeScanner::OnCode& onCode) override {
        std::string line;
        bool overlong = false;
        while (!stop.stop_requested()) {
            pollfd pfd{fd, POLLIN, 0};
            const int r = ::poll(&pfd, 1, 200);
            if (r == 0 || (r < 0 && errno == EINTR)) continue;
            if (r < 0 || (pfd.revents & (POLLERR | POLLHUP | POLLNVAL))) return;
            char buf[256];
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return;  // unplugged
            for (ssize_t i = 0; i < n; ++i) {
                const char c = buf[i];
                if (c == '\r' || c == '\n') {
                    if (!line.empty() && !overlong) onCode(std::move(line));
                    line.clear();
                    overlong = false;
                } else if (line.size() < kiosk::core::kMaxInputBytes) {
                    line.push_back(c);
                } else {
                    overlong = true;  // not a receipt; drop the whole line rather than a prefix
                }
            }
        }
    }

private:
    SerialScannerOptions m_options;
};

}  // namespace

std::unique_ptr<CodeScanner> makeSerialScanner(SerialScannerOptions options) {
    return detail::makeDeviceScanner(std::make_unique<SerialDevice>(std::move(options)));
}

}  // namespace platform

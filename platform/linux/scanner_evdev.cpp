#include "platform/linux/scanner_evdev.hpp"

#include <cerrno>
#include <system_error>
#include <cstring>

#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "kiosk/core/receipt/receipt.hpp"
#include "platform/linux/scanner_device.hpp"

namespace platform {

std::optional<char> usKeyToChar(int key, bool shift) {
    // Rows of the US layout as Linux numbers them (KEY_1..KEY_EQUAL, KEY_Q..KEY_RIGHTBRACE, ...).
    struct Row {
        int first;
        const char* plain;
        const char* shifted;
    };
    static constexpr Row rows[] = {
        {KEY_1, "1234567890-=", "!@#$%^&*()_+"},
        {KEY_Q, "qwertyuiop[]", "QWERTYUIOP{}"},
        {KEY_A, "asdfghjkl;'`", "ASDFGHJKL:\"~"},
        {KEY_BACKSLASH, "\\zxcvbnm,./", "|ZXCVBNM<>?"},
    };
    for (const auto& row : rows) {
        const int len = static_cast<int>(std::strlen(row.plain));
        if (key >= row.first && key < row.first + len) return (shift ? row.shifted : row.plain)[key - row.first];
    }
    switch (key) {
        case KEY_SPACE: return ' ';
        case KEY_KP0: return '0';
        case KEY_KP1: return '1';
        case KEY_KP2: return '2';
        case KEY_KP3: return '3';
        case KEY_KP4: return '4';
        case KEY_KP5: return '5';
        case KEY_KP6: return '6';
        case KEY_KP7: return '7';
        case KEY_KP8: return '8';
        case KEY_KP9: return '9';
        case KEY_KPDOT: return '.';
        case KEY_KPMINUS: return '-';
        case KEY_KPPLUS: return '+';
        case KEY_KPSLASH: return '/';
        case KEY_KPASTERISK: return '*';
        default: return std::nullopt;
    }
}

namespace {

/// The event device: open with an exclusive grab, then US-layout keystrokes to codes.
class EvdevDevice final : public detail::ScannerDevice {
public:
    explicit EvdevDevice(EvdevScannerOptions options) : m_options(std::move(options)) {}

    [[nodiscard]] const std::string& path() const override { return m_options.device; }
    [[nodiscard]] std::string describe() const override { return "evdev scanner " + m_options.device; }

    int open(std::string& why) override {
        const int fd = ::open(m_options.device.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            why = "cannot open scanner " + m_options.device + " (" + std::generic_category().message(errno) + ")";
            return -1;
        }
        // The grab keeps the scanner's keystrokes away from the compositor and the kiosk window.
        if (m_options.grab && ::ioctl(fd, EVIOCGRAB, 1) != 0) {
            why = "cannot grab " + m_options.device + " (" + std::generic_category().message(errno) + ")";
            ::close(fd);
            return -1;
        }
        return fd;
    }

    void close(int fd) override {
        if (m_options.grab) ::ioctl(fd, EVIOCGRAB, 0);
        ::close(fd);
    }

    void read(std::stop_token stop, int fd, const CodeScanner::OnCode& onCode) override {
        std::string line;
        bool leftShift = false, rightShift = false, capsLock = false;
        while (!stop.stop_requested()) {
            pollfd pfd{fd, POLLIN, 0};
            const int r = ::poll(&pfd, 1, 200);
            if (r == 0 || (r < 0 && errno == EINTR)) continue;
            if (r < 0 || (pfd.revents & (POLLERR | POLLHUP | POLLNVAL))) return;
            input_event events[64];
            const ssize_t n = ::read(fd, events, sizeof events);
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            if (n <= 0) return;  // ENODEV: unplugged
            for (std::size_t i = 0; i < static_cast<std::size_t>(n) / sizeof(input_event); ++i) {
                const input_event& ev = events[i];
                if (ev.type != EV_KEY) continue;
                const bool down = ev.value != 0;  // 1 press, 2 autorepeat
                switch (ev.code) {
                    case KEY_LEFTSHIFT: leftShift = down; continue;
                    case KEY_RIGHTSHIFT: rightShift = down; continue;
                    case KEY_CAPSLOCK:
                        if (ev.value == 1) capsLock = !capsLock;
                        continue;
                    default: break;
                }
                if (ev.value != 1) continue;
                if (ev.code == KEY_ENTER || ev.code == KEY_KPENTER) {
                    if (!line.empty() && line.size() <= kiosk::core::kMaxInputBytes) onCode(std::move(line));
                    line.clear();
                    continue;
                }
                bool shift = leftShift || rightShift;
                const bool letter = (ev.code >= KEY_Q && ev.code <= KEY_P) || (ev.code >= KEY_A && ev.code <= KEY_L) ||
                                    (ev.code >= KEY_Z && ev.code <= KEY_M);
                if (letter && capsLock) shift = !shift;
                if (auto c = usKeyToChar(ev.code, shift)) {
                    if (line.size() <= kiosk::core::kMaxInputBytes) line.push_back(*c);
                }
            }
        }
    }

private:
    EvdevScannerOptions m_options;
};

}  // namespace

std::unique_ptr<CodeScanner> makeEvdevScanner(EvdevScannerOptions options) {
    return detail::makeDeviceScanner(std::make_unique<EvdevDevice>(std::move(options)));
}

}  // namespace platform

#include "platform/linux/camera_v4l2.hpp"

#include <cerrno>
#include <system_error>
#include <cstring>
#include <vector>

#include <spdlog/spdlog.h>

#include "platform/common/device_thread.hpp"

#if KIOSK_HAVE_V4L2
#include <fcntl.h>
#include <libv4l2.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/mman.h>
#endif

namespace platform {
namespace {

using detail::Backoff;
using detail::sleepUnlessStopped;
using State = CameraStatus::State;

#if KIOSK_HAVE_V4L2

/// ioctl through libv4l2, retried on EINTR.
int xioctl(int fd, unsigned long request, void* arg) {
    int r;
    do {
        r = v4l2_ioctl(fd, request, arg);
    } while (r == -1 && errno == EINTR);
    return r;
}

std::string errnoText(const char* what, int err) { return std::string{what} + ": " + std::generic_category().message(err); }

/// One open, streaming device. Its destructor stops streaming and releases everything.
class V4l2Session {
public:
    ~V4l2Session() { close(); }

    /// Opens and configures the device and starts streaming.
    /// @return empty on success, otherwise a reason for staff; `missing` is true when the device
    ///         is absent (worth retrying) rather than unusable
    std::string open(const V4l2CameraOptions& o, bool& missing) {
        missing = false;
        m_fd = v4l2_open(o.device.c_str(), O_RDWR | O_NONBLOCK, 0);
        if (m_fd < 0) {
            const int err = errno;
            missing = err == ENOENT || err == ENODEV || err == ENXIO || err == EBUSY || err == EACCES;
            return "cannot open camera " + o.device + " (" + std::generic_category().message(err) + ")";
        }
        v4l2_capability cap{};
        if (xioctl(m_fd, VIDIOC_QUERYCAP, &cap) < 0) return errnoText("not a V4L2 device", errno);
        const auto caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) ? cap.device_caps : cap.capabilities;
        if (!(caps & V4L2_CAP_VIDEO_CAPTURE)) return o.device + " is not a video capture device (a metadata node?)";
        if (!(caps & V4L2_CAP_STREAMING)) return o.device + " does not support streaming";

        // GREY is the Y plane already; otherwise libv4lconvert turns MJPEG/YUYV/... into YUV420,
        // whose first plane is Y. Both avoid any colour conversion of our own.
        v4l2_format fmt{};
        for (std::uint32_t wanted : {V4L2_PIX_FMT_GREY, V4L2_PIX_FMT_YUV420}) {
            fmt = {};
            fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            fmt.fmt.pix.width = static_cast<std::uint32_t>(o.width);
            fmt.fmt.pix.height = static_cast<std::uint32_t>(o.height);
            fmt.fmt.pix.pixelformat = wanted;
            fmt.fmt.pix.field = V4L2_FIELD_ANY;
            if (xioctl(m_fd, VIDIOC_S_FMT, &fmt) == 0 && fmt.fmt.pix.pixelformat == wanted) break;
        }
        const auto pf = fmt.fmt.pix.pixelformat;
        if (pf != V4L2_PIX_FMT_GREY && pf != V4L2_PIX_FMT_YUV420) {
            return "camera offers no format libv4l2 can convert to gray or YUV420";
        }
        m_width = static_cast<int>(fmt.fmt.pix.width);
        m_height = static_cast<int>(fmt.fmt.pix.height);
        m_stride = fmt.fmt.pix.bytesperline ? static_cast<int>(fmt.fmt.pix.bytesperline) : m_width;

        v4l2_streamparm parm{};
        parm.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        parm.parm.capture.timeperframe.numerator = 1;
        parm.parm.capture.timeperframe.denominator = static_cast<std::uint32_t>(o.fps > 0 ? o.fps : 15);
        xioctl(m_fd, VIDIOC_S_PARM, &parm);  // best effort: many cameras fix the rate per size

        v4l2_requestbuffers req{};
        req.count = 4;
        req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        req.memory = V4L2_MEMORY_MMAP;
        if (xioctl(m_fd, VIDIOC_REQBUFS, &req) < 0 || req.count < 2) return errnoText("cannot get capture buffers", errno);
        for (std::uint32_t i = 0; i < req.count; ++i) {
            v4l2_buffer buf{};
            buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            buf.memory = V4L2_MEMORY_MMAP;
            buf.index = i;
            if (xioctl(m_fd, VIDIOC_QUERYBUF, &buf) < 0) return errnoText("cannot query a buffer", errno);
            void* p = v4l2_mmap(nullptr, buf.length, PROT_READ | PROT_WRITE, MAP_SHARED, m_fd, buf.m.offset);
            if (p == MAP_FAILED) return errnoText("cannot map a buffer", errno);
            m_buffers.push_back({p, buf.length});
            if (xioctl(m_fd, VIDIOC_QBUF, &buf) < 0) return errnoText("cannot queue a buffer", errno);
        }
        v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        if (xioctl(m_fd, VIDIOC_STREAMON, &type) < 0) return errnoText("cannot start streaming", errno);
        m_streaming = true;
        return {};
    }

    enum class Grab { Frame, Timeout, Gone };

    /// Waits up to `timeoutMs` for a frame and publishes its Y plane.
    Grab grab(FrameMailbox& mailbox, int timeoutMs) {
        pollfd pfd{m_fd, POLLIN, 0};
        const int r = ::poll(&pfd, 1, timeoutMs);
        if (r == 0) return Grab::Timeout;
        if (r < 0) return errno == EINTR ? Grab::Timeout : Grab::Gone;
        if (pfd.revents & (POLLERR | POLLHUP | POLLNVAL)) return Grab::Gone;
        v4l2_buffer buf{};
        buf.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        buf.memory = V4L2_MEMORY_MMAP;
        if (xioctl(m_fd, VIDIOC_DQBUF, &buf) < 0) return errno == EAGAIN ? Grab::Timeout : Grab::Gone;
        const auto arrival = std::chrono::steady_clock::now();
        if (buf.index < m_buffers.size() &&
            static_cast<std::size_t>(m_stride) * static_cast<std::size_t>(m_height) <= m_buffers[buf.index].length &&
            !(buf.flags & V4L2_BUF_FLAG_ERROR)) {
            const kiosk::core::ImageView y{static_cast<const std::uint8_t*>(m_buffers[buf.index].start), m_width, m_height,
                                          m_stride};
            mailbox.publish(y, arrival);
        }
        if (xioctl(m_fd, VIDIOC_QBUF, &buf) < 0) return Grab::Gone;
        return Grab::Frame;
    }

    void close() {
        if (m_fd < 0) return;
        if (m_streaming) {
            v4l2_buf_type type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
            xioctl(m_fd, VIDIOC_STREAMOFF, &type);
            m_streaming = false;
        }
        for (const auto& b : m_buffers) v4l2_munmap(b.start, b.length);
        m_buffers.clear();
        v4l2_close(m_fd);
        m_fd = -1;
    }

    [[nodiscard]] int width() const { return m_width; }
    [[nodiscard]] int height() const { return m_height; }

private:
    struct Mapped {
        void* start;
        std::size_t length;
    };
    int m_fd = -1;
    bool m_streaming = false;
    int m_width = 0, m_height = 0, m_stride = 0;
    std::vector<Mapped> m_buffers;
};

#endif  // KIOSK_HAVE_V4L2

class V4l2Camera final : public FrameSource {
public:
    explicit V4l2Camera(V4l2CameraOptions options) : m_options(std::move(options)) {}
    ~V4l2Camera() override { stop(); }

    void start(FrameMailbox& mailbox) override {
#if KIOSK_HAVE_V4L2
        m_thread.start("opening " + m_options.device, [this, &mailbox](std::stop_token stop) { run(stop, mailbox); });
#else
        (void)mailbox;
        m_thread.stop();
        m_thread.status().set(State::Failed, "this kiosk was built without libv4l2 (install libv4l-dev and rebuild)");
#endif
    }

    void stop() override { m_thread.stop(); }

    [[nodiscard]] CameraStatus status() const override { return m_thread.status().get(); }

    [[nodiscard]] std::string describe() const override {
        return "v4l2 " + m_options.device + " " + std::to_string(m_options.width) + "x" + std::to_string(m_options.height) +
               "@" + std::to_string(m_options.fps);
    }

private:
#if KIOSK_HAVE_V4L2
    void run(std::stop_token stop, FrameMailbox& mailbox) {
        detail::StatusBox& status = m_thread.status();
        Backoff backoff;
        bool wasRunning = false;
        while (!stop.stop_requested()) {
            V4l2Session session;
            bool missing = false;
            const std::string why = session.open(m_options, missing);
            if (!why.empty()) {
                const auto delay = backoff.next();
                const std::string prefix = wasRunning ? "camera unplugged or failed: " : "";
                // An absent device is Missing; one that is there but unusable (not a capture node,
                // no convertible format) is Failed. Both are retried: the node may be replaced.
                status.set(missing ? State::Missing : State::Failed, prefix + why + "; retrying in " +
                                                 std::to_string(std::chrono::duration_cast<std::chrono::seconds>(delay).count() +
                                                                (delay.count() % 1000 ? 1 : 0)) +
                                                 " s");
                spdlog::warn("camera: {}", status.get().reason);
                session.close();
                if (!sleepUnlessStopped(stop, delay)) break;
                continue;
            }
            backoff.reset();
            wasRunning = true;
            status.set(State::Running, std::to_string(session.width()) + "x" + std::to_string(session.height()));
            spdlog::info("camera: {} streaming {}x{}", m_options.device, session.width(), session.height());
            int silentMs = 0;
            while (!stop.stop_requested()) {
                const auto r = session.grab(mailbox, 200);
                if (r == V4l2Session::Grab::Gone) break;
                silentMs = r == V4l2Session::Grab::Timeout ? silentMs + 200 : 0;
                // A camera that streams nothing for 5 s is reopened (some hang after a USB reset).
                if (silentMs >= 5000) break;
            }
            session.close();
            if (!stop.stop_requested()) {
                status.set(State::Missing, "camera " + m_options.device + " stopped delivering frames; reconnecting");
                spdlog::warn("camera: {}", status.get().reason);
                if (!sleepUnlessStopped(stop, backoff.next())) break;
            }
        }
    }
#endif

    V4l2CameraOptions m_options;
    detail::DeviceThread m_thread;  // last: joined before the options it reads go away
};

}  // namespace

std::unique_ptr<FrameSource> makeV4l2Camera(V4l2CameraOptions options) {
    return std::make_unique<V4l2Camera>(std::move(options));
}

}  // namespace platform

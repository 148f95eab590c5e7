#pragma once
// Latest-frame mailbox between a camera's capture thread and the decoder thread.
//
// The capture thread overwrites one buffer under a mutex; the decoder takes the newest frame by
// swapping its own buffer with the mailbox's (no copy on take, no allocation once warm). A frame the
// decoder did not take before the next one arrived is dropped, never queued: the decoder always
// works on what the camera sees now, and a slow decode cannot build up latency.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <mutex>

#include "kiosk/core/scan/image_view.hpp"

namespace platform {

/// One captured frame: luminance pixels plus when it arrived (steady clock) and its number.
struct Frame {
    kiosk::core::LumaImage image;
    std::chrono::steady_clock::time_point arrival{};
    std::uint64_t sequence = 0;  ///< 1, 2, 3, ... in publish order; gaps are dropped frames
};

class FrameMailbox {
public:
    using Clock = std::chrono::steady_clock;

    /// Capture side: copies `view` into the mailbox, replacing an untaken frame (counted as dropped),
    /// and wakes the decoder. Invalid views are ignored.
    void publish(kiosk::core::ImageView view, Clock::time_point arrival) {
        if (!view.valid()) return;
        {
            std::lock_guard lock(m_mutex);
            if (m_closed) return;
            if (m_fresh) ++m_dropped;
            m_slot.image.resize(view.width, view.height);
            for (int y = 0; y < view.height; ++y) {
                std::memcpy(m_slot.image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(view.width),
                            view.row(y), static_cast<std::size_t>(view.width));
            }
            m_slot.arrival = arrival;
            m_slot.sequence = ++m_published;
            m_fresh = true;
        }
        m_ready.notify_one();
    }

    /// Decoder side: waits up to `timeout` for a frame newer than the last one taken and swaps it
    /// into `out` (whose old buffer the mailbox reuses).
    /// @return true when `out` now holds a new frame; false on timeout or after close()
    bool take(Frame& out, std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        if (!m_ready.wait_for(lock, timeout, [&] { return m_fresh || m_closed; })) return false;
        if (!m_fresh) return false;
        std::swap(out, m_slot);
        m_fresh = false;
        return true;
    }

    /// Wakes a waiting decoder and refuses further frames (shutdown).
    void close() {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
    }

    /// Accepts frames again after close() (the service restarts with new settings).
    void reopen() {
        std::lock_guard lock(m_mutex);
        m_closed = false;
        m_fresh = false;
    }

    /// Frames published so far.
    [[nodiscard]] std::uint64_t published() const {
        std::lock_guard lock(m_mutex);
        return m_published;
    }
    /// Frames overwritten before the decoder took them.
    [[nodiscard]] std::uint64_t dropped() const {
        std::lock_guard lock(m_mutex);
        return m_dropped;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    Frame m_slot;               ///< the one buffer (guarded by m_mutex)
    bool m_fresh = false;       ///< m_slot holds a frame not taken yet
    bool m_closed = false;
    std::uint64_t m_published = 0;
    std::uint64_t m_dropped = 0;
};

}  // namespace platform

#pragma once
// FrameTimes: the frame-time histogram of the kiosk screen. The shell's FramePacer records every frame
// it draws (UI thread); the metrics writer reads it from its own thread (kiosk_frame_duration_seconds
// in the metrics file, docs/operations.md). Lock-free: a frame costs a few relaxed atomic additions.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace kiosk::app {

/// Upper bounds (ms) of the frame-time buckets; the last bucket is +Inf. 33 ms is one frame at 30 fps,
/// 50 ms the UI-thread stall target.
inline constexpr std::array<double, 8> kFrameBucketsMs{4, 8, 16, 33, 50, 100, 250, 1000};

class FrameTimes {
public:
    struct Snapshot {
        std::array<std::uint64_t, kFrameBucketsMs.size() + 1> buckets{};  ///< per bucket (not cumulative), then +Inf
        std::uint64_t count = 0;
        double sumMs = 0.0;
    };

    /// One frame took `ms` (UI thread).
    void record(double ms) {
        std::size_t bucket = 0;
        while (bucket < kFrameBucketsMs.size() && ms > kFrameBucketsMs[bucket]) ++bucket;
        m_buckets[bucket].fetch_add(1, std::memory_order_relaxed);
        // Microseconds in an integer: atomic<double> has no fetch_add before C++20's library support.
        m_sumUs.fetch_add(static_cast<std::uint64_t>(ms * 1000.0), std::memory_order_relaxed);
    }

    /// The figures so far (any thread). Buckets and sum are read one by one, so a frame recorded
    /// meanwhile may be half in: harmless for a histogram scraped every few seconds.
    [[nodiscard]] Snapshot snapshot() const {
        Snapshot s;
        for (std::size_t i = 0; i < m_buckets.size(); ++i) {
            s.buckets[i] = m_buckets[i].load(std::memory_order_relaxed);
            s.count += s.buckets[i];
        }
        s.sumMs = static_cast<double>(m_sumUs.load(std::memory_order_relaxed)) / 1000.0;
        return s;
    }

private:
    std::array<std::atomic<std::uint64_t>, kFrameBucketsMs.size() + 1> m_buckets{};
    std::atomic<std::uint64_t> m_sumUs{0};
};

}  // namespace kiosk::app

#pragma once
// Keyboard-wedge scanners type the code as a very fast burst of key presses ending in Enter. This
// tells such a burst from a person typing, so a scan works on any screen without a focused field.
//
// Characters are held back while they could still be part of a burst. As soon as a gap is too long
// (poll() with the current time, or the next key arriving late) the held characters are handed back
// for normal handling, in order: a person's keystrokes are delayed by at most `maxGap`, never eaten.
// Pure: time is passed in.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core {

struct WedgeBurstOptions {
    /// Longest gap between two keys of a scanner burst (scanners type every 2..20 ms; people rarely
    /// under 60 ms between keys).
    std::chrono::milliseconds maxGap{35};
    /// Fewest characters (before Enter) that count as a scan; shorter bursts are handed back.
    std::size_t minLength = 8;
    /// Longest burst held; past it the keys are handed back (a stuck key, not a scanner).
    std::size_t maxLength = 2048;
};

/// What the caller does after feeding a key or polling.
struct WedgeOutput {
    /// Keys to handle normally, oldest first (characters as code points; U'\n' is Enter).
    std::vector<char32_t> passThrough;
    /// A complete scan (UTF-8, without the Enter). Raw scanned text: never log it.
    std::optional<std::string> scan;
};

class WedgeBurstDetector {
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    static constexpr char32_t kEnter = U'\n';

    explicit WedgeBurstDetector(WedgeBurstOptions options = {}) : m_options(options) {}

    /// Feeds one key: a character, or kEnter.
    WedgeOutput onKey(char32_t key, TimePoint now);

    /// Hands back held keys once the gap since the last one exceeds maxGap. Call every UI frame
    /// (or with a timer of about maxGap) so a person's single keystroke is not held.
    WedgeOutput poll(TimePoint now);

    /// True while keys are held back (the caller should poll again soon).
    [[nodiscard]] bool holding() const noexcept { return !m_held.empty(); }

    [[nodiscard]] const WedgeBurstOptions& options() const noexcept { return m_options; }

private:
    void release(WedgeOutput& out);

    WedgeBurstOptions m_options;
    std::vector<char32_t> m_held;  ///< the candidate burst, oldest first
    TimePoint m_lastKey{};
};

}  // namespace kiosk::core

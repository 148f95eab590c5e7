#include "kiosk/core/scan/scan_throttle.hpp"

namespace kiosk::core {

bool ScanThrottle::pass(std::string_view text, TimePoint now) {
    // now < *m_lastPassed only if a caller mixes clocks; treat it as "just passed".
    if (m_lastPassed && text == m_lastText && now - *m_lastPassed < m_interval) return false;
    m_lastText.assign(text);
    m_lastPassed = now;
    return true;
}

}  // namespace kiosk::core

#include "kiosk/core/scan/scan_dedupe.hpp"

namespace kiosk::core {

bool ScanDedupe::shouldReport(std::string_view text, TimePoint now) {
    const bool same = m_lastSeen.has_value() && text == m_lastText;
    // now < *m_lastSeen only if a caller mixes clocks; treat it as "just seen" rather than news.
    const bool recent = same && now - *m_lastSeen < m_window;
    m_lastText.assign(text);
    m_lastSeen = now;
    return !recent;
}

void ScanDedupe::reset() {
    // Overwrite before clearing so the old text does not linger in the buffer's capacity.
    m_lastText.assign(m_lastText.size(), '\0');
    m_lastText.clear();
    m_lastSeen.reset();
}

}  // namespace kiosk::core

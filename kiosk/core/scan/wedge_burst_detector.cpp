#include "kiosk/core/scan/wedge_burst_detector.hpp"

#include <utf8proc.h>

namespace kiosk::core {

void WedgeBurstDetector::release(WedgeOutput& out) {
    out.passThrough.insert(out.passThrough.end(), m_held.begin(), m_held.end());
    m_held.clear();
}

WedgeOutput WedgeBurstDetector::onKey(char32_t key, TimePoint now) {
    WedgeOutput out;
    // A late key ends any candidate burst: what was held was typed by a person.
    if (!m_held.empty() && now - m_lastKey > m_options.maxGap) release(out);
    m_lastKey = now;

    if (key == kEnter) {
        if (m_held.size() >= m_options.minLength) {
            std::string text;
            for (char32_t c : m_held) {
                utf8proc_uint8_t buf[4];
                // Keys are code points from the window system; invalid ones encode as nothing.
                const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
                text.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
            }
            m_held.clear();
            out.scan = std::move(text);
        } else {
            release(out);
            out.passThrough.push_back(kEnter);
        }
        return out;
    }

    m_held.push_back(key);
    if (m_held.size() > m_options.maxLength) release(out);
    return out;
}

WedgeOutput WedgeBurstDetector::poll(TimePoint now) {
    WedgeOutput out;
    if (!m_held.empty() && now - m_lastKey > m_options.maxGap) release(out);
    return out;
}

}  // namespace kiosk::core

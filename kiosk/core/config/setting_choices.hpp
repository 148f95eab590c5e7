#pragma once
// Settings that are a choice among names (camera.source, printer.cut, language.default,
// operations.log_level, staff.gesture_corner) are enums in Settings, parsed once by the config loader. Each enum has one
// table of {value, name} here: the loader, `kiosk check-config` messages, the staff settings editor
// and toString() all read it, so a name is spelled in one place.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "kiosk/core/escpos/escpos_encoder.hpp"
#include "kiosk/core/i18n/language.hpp"

namespace kiosk::core {

/// camera.source: where camera frames come from.
enum class CameraSource {
    None,       ///< no camera: scanners and the keypad only
    V4l2,       ///< a V4L2 camera (camera.device)
    Files,      ///< images from camera.files_path (demo, tests)
    Synthetic,  ///< generated receipt frames (benchmarks, demo)
};

/// operations.log_level.
enum class LogLevel { Trace, Debug, Info, Warn, Error };

/// ui.camera_position: where the camera is, so the attract screen can say where to hold the receipt.
enum class CameraPosition { Above, Below, Stand };
/// staff.gesture_corner: the corner where the hidden staff gesture is tapped.
enum class ScreenCorner { TopLeft, TopRight, BottomLeft, BottomRight };

template <class E>
struct Choice {
    E value;
    std::string_view name;
};

/// The names of one enum's values, in documentation order. Specialised for each choice enum.
template <class E>
struct ChoiceTable;

template <>
struct ChoiceTable<CameraSource> {
    static constexpr std::array<Choice<CameraSource>, 4> values{{{CameraSource::None, "none"},
                                                                 {CameraSource::V4l2, "v4l2"},
                                                                 {CameraSource::Files, "files"},
                                                                 {CameraSource::Synthetic, "synthetic"}}};
};

template <>
struct ChoiceTable<escpos::CutMode> {
    static constexpr std::array<Choice<escpos::CutMode>, 3> values{
        {{escpos::CutMode::Full, "full"}, {escpos::CutMode::Partial, "partial"}, {escpos::CutMode::None, "none"}}};
};

template <>
struct ChoiceTable<Language> {
    static constexpr std::array<Choice<Language>, 2> values{{{Language::Vi, "vi"}, {Language::En, "en"}}};
};

template <>
struct ChoiceTable<LogLevel> {
    static constexpr std::array<Choice<LogLevel>, 5> values{{{LogLevel::Trace, "trace"},
                                                             {LogLevel::Debug, "debug"},
                                                             {LogLevel::Info, "info"},
                                                             {LogLevel::Warn, "warn"},
                                                             {LogLevel::Error, "error"}}};
};

template <>
struct ChoiceTable<CameraPosition> {
    static constexpr std::array<Choice<CameraPosition>, 3> values{
        {{CameraPosition::Above, "above"}, {CameraPosition::Below, "below"}, {CameraPosition::Stand, "stand"}}};
};

template <>
struct ChoiceTable<ScreenCorner> {
    static constexpr std::array<Choice<ScreenCorner>, 4> values{{{ScreenCorner::TopLeft, "top_left"},
                                                                 {ScreenCorner::TopRight, "top_right"},
                                                                 {ScreenCorner::BottomLeft, "bottom_left"},
                                                                 {ScreenCorner::BottomRight, "bottom_right"}}};
};

/// The configuration name of `value` ("v4l2", "partial", ...).
template <class E>
constexpr std::string_view choiceName(E value) {
    for (const auto& c : ChoiceTable<E>::values) {
        if (c.value == value) return c.name;
    }
    return {};
}

/// Parses a configuration name (exact, lower case). @return std::nullopt for an unknown name
template <class E>
constexpr std::optional<E> parseChoice(std::string_view name) {
    for (const auto& c : ChoiceTable<E>::values) {
        if (c.name == name) return c.value;
    }
    return std::nullopt;
}

inline std::string_view toString(CameraSource source) { return choiceName(source); }
inline std::string_view toString(LogLevel level) { return choiceName(level); }

}  // namespace kiosk::core

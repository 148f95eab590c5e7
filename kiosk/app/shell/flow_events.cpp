#include "kiosk/app/shell/flow_events.hpp"

#include <algorithm>
#include <type_traits>

namespace kiosk::app {
namespace {

template <class>
constexpr bool kUnhandled = false;

}  // namespace

std::optional<core::Event> toFlowEvent(const ui::UiEvent& event, const core::FlowState& state,
                                       const core::ReceiptRules& rules) {
    namespace ev = core::event;
    return std::visit(
        [&](const auto& e) -> std::optional<core::Event> {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, ui::act::StartManualEntry>) return ev::ManualEntryOpened{};
            else if constexpr (std::is_same_v<E, ui::act::EditCode>) return ev::CodeEdited{e.symbols};
            else if constexpr (std::is_same_v<E, ui::act::SubmitCode>)
                return ev::ReceiptRead{core::readReceipt(e.code, rules), core::InputSource::Keypad};
            else if constexpr (std::is_same_v<E, ui::act::OpenGuide>) return ev::GuidanceOpened{};
            else if constexpr (std::is_same_v<E, ui::act::OpenGuideSearch>) return ev::GuidanceSearchOpened{};
            else if constexpr (std::is_same_v<E, ui::act::OpenGuideEntry>) return ev::GuidanceEntryOpened{e.id};
            else if constexpr (std::is_same_v<E, ui::act::OpenGuideCategory>) return ev::GuidanceCategoryChosen{e.id};
            else if constexpr (std::is_same_v<E, ui::act::EditGuideQuery>) return ev::GuidanceQueryEdited{e.text};
            else if constexpr (std::is_same_v<E, ui::act::PrintGuide> || std::is_same_v<E, ui::act::Print>)
                return ev::PrintRequested{};
            else if constexpr (std::is_same_v<E, ui::act::SetLanguage>) return ev::LanguageChosen{e.language};
            else if constexpr (std::is_same_v<E, ui::act::ToggleLargeText>) return ev::LargeTextToggled{};
            else if constexpr (std::is_same_v<E, ui::act::ToggleHighContrast>) return ev::HighContrastToggled{};
            else if constexpr (std::is_same_v<E, ui::act::Back> || std::is_same_v<E, ui::act::CancelLookup>) return ev::Back{};
            else if constexpr (std::is_same_v<E, ui::act::Done>) return ev::Done{};
            else if constexpr (std::is_same_v<E, ui::act::Rate>)
                return ev::RatingChosen{static_cast<core::RatingLevel>(std::clamp(e.level, 0, 2))};
            else if constexpr (std::is_same_v<E, ui::act::Retry>) {
                // Problem repeats the lookup; NotFound and InvalidCode go back to the keypad.
                if (state.screen == core::Screen::Problem) return ev::Retry{};
                return ev::ManualEntryOpened{};
            } else if constexpr (std::is_same_v<E, ui::act::StillHere>) return ev::UserActivity{};
            else if constexpr (std::is_same_v<E, ui::act::EndSession>) return ev::Done{};  // "Kết thúc" on the idle warning
            else if constexpr (std::is_same_v<E, ui::act::Speak>) return std::nullopt;  // the shell reads aloud; no flow change
            else static_assert(kUnhandled<E>, "map every ui::UiEvent to a flow event");
        },
        event);
}

}  // namespace kiosk::app

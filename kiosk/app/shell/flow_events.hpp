#pragma once
// What the citizen did on a screen (ui::UiEvent) as the flow event it means. Pure: the same mapping for
// the real kiosk and for tests (tests/unit/app/shell/FlowEventsTest.cpp).

#include <optional>

#include "kiosk/core/flow/flow.hpp"
#include "kiosk/core/receipt/receipt.hpp"
#include "kiosk/ui/views.hpp"

namespace kiosk::app {

/// @param event  what a screen reported
/// @param state  the flow's state when it happened (Retry means "repeat" on Problem, "retype" elsewhere)
/// @param rules  receipt rules: a typed code is read like a scanned one
/// @return the flow event, or std::nullopt for none (act::Speak: the shell reads the screen aloud)
std::optional<core::Event> toFlowEvent(const ui::UiEvent& event, const core::FlowState& state,
                                       const core::ReceiptRules& rules);

}  // namespace kiosk::app

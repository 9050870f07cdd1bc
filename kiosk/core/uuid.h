#pragma once
#include <string>

namespace kiosk {
// Random (version 4) UUID, lower-case hex: identifies outbox events so the server can
// acknowledge a replayed batch without applying it twice.
std::string make_uuid_v4();
}  // namespace kiosk

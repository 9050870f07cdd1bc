// The office catalogue in the running kiosk: opening hours, holidays and procedures follow the
// newest catalogue at once; a change of which counters serve which field is only noted (the
// queue keeps routing as it started; it applies after a restart).
#include <spdlog/spdlog.h>

#include "kiosk/app/kiosk_controller.h"

namespace kiosk::app {

void KioskController::set_catalog_start(const KioskConfig* configured,
                                        std::vector<CatalogWarning> warnings) {
    std::lock_guard lock(mutex_);
    configured_ = configured;
    catalog_notes_ = std::move(warnings);
}

void KioskController::set_catalog(std::shared_ptr<const Catalog> catalog) {
    if (!catalog) return;
    std::optional<CatalogWarning> restart_note;
    bool changed = false;
    {
        std::lock_guard lock(mutex_);
        if (configured_) {
            const EffectiveServices next = apply_catalog(*configured_, *catalog);
            if (!same_routing(next.config.services, config_.services))
                restart_note = CatalogWarning{
                    "Danh mục mới (phiên bản " + std::to_string(catalog->version) +
                        ") đổi lĩnh vực hoặc quầy phục vụ: áp dụng sau khi khởi động lại ki-ốt.",
                    "catalogue version " + std::to_string(catalog->version) +
                        " changes which counters serve which field: applies after a restart "
                        "(the running queue keeps its routing)"};
        }
        changed = !catalog_ || catalog_->version != catalog->version;
        catalog_ = std::move(catalog);
        if (restart_note) {
            // One restart note, for the newest catalogue.
            std::erase_if(catalog_notes_, [](const CatalogWarning& w) {
                return w.en.find("applies after a restart") != std::string::npos;
            });
            catalog_notes_.push_back(*restart_note);
        }
        if (changed)
            spdlog::info("catalogue version {} in use: opening hours, holidays and procedures",
                         catalog_->version);
    }
    if (restart_note && changed) spdlog::warn("catalogue: {}", restart_note->en);
    wake();
}

OfficeHoursState KioskController::hours_locked(TimePoint now) const {
    if (!catalog_ || config_.catalog.opening_hours == OpeningHoursMode::Ignore) {
        OfficeHoursState always;
        always.open = always.issuing = true;
        always.next_change = now + std::chrono::hours(24);
        return always;
    }
    return office_hours_at(catalog_->opening_hours, catalog_->holidays, now,
                           std::chrono::minutes(config_.catalog.last_ticket_before_close_min));
}

}  // namespace kiosk::app

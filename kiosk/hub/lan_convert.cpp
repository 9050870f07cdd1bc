#include "lan_convert.h"

#include "kiosk/core/ticket_store.h"

namespace kiosk::hub {

LanTicket to_lan(const Ticket& t) {
    LanTicket l;
    l.id = t.id;
    l.business_date = t.business_date;
    l.number = t.number;
    l.service_id = t.service_id;
    l.origin_service_id = t.origin_service_id;
    l.priority = t.priority;
    l.state = to_string(t.state);
    l.counter = t.counter;
    l.target_counter = t.target_counter;
    l.no_shows = t.no_shows;
    l.recalls = t.recalls;
    l.issued_at_us = t.issued_at ? to_us(*t.issued_at) : 0;
    l.called_at_us = t.called_at ? to_us(*t.called_at) : 0;
    return l;
}

CounterInfo to_lan(const CounterStatus& c) {
    CounterInfo i;
    i.number = c.number;
    i.services = c.services;
    i.paused = c.paused;
    i.pause_reason = c.pause_reason;
    if (c.current) i.current = to_lan(*c.current);
    for (const Ticket& t : c.held)
        i.held.push_back(to_lan(t));
    i.served_today = c.served_today;
    return i;
}

CallRecord to_lan(const CallEntry& c) {
    return CallRecord{c.seq,        c.ticket_id, c.number,
                      c.service_id, c.counter,   c.kind == CallKind::Recall ? "recall" : "call",
                      c.priority,   to_us(c.at)};
}

std::vector<ServiceWaiting> to_lan(const std::vector<std::pair<std::string, int>>& waiting,
                                   const KioskConfig& config) {
    std::vector<ServiceWaiting> out;
    for (const auto& [id, n] : waiting) {
        ServiceWaiting w;
        w.service_id = id;
        w.waiting = n;
        if (const ServiceConfig* s = config.find_service(id)) {
            w.name_vi = s->name_vi;
            w.name_en = s->name_en;
        }
        out.push_back(std::move(w));
    }
    return out;
}

HubState to_lan(const QueueSnapshot& s, const KioskConfig& config, TimePoint now) {
    HubState h;
    h.business_date = s.business_date;
    h.now_us = to_us(now);
    h.office_name_vi = config.office_name_vi;
    h.office_name_en = config.office_name_en;
    h.services = to_lan(s.waiting, config);
    for (const CounterStatus& c : s.counters)
        h.counters.push_back(to_lan(c));
    for (const CallEntry& c : s.recent_calls)
        h.recent_calls.push_back(to_lan(c));
    h.last_call_seq = s.last_call_seq;
    h.board_recent_calls = config.board.recent_calls;
    h.notice_vi = config.board.notice_vi;
    h.notice_en = config.board.notice_en;
    h.voice_enabled = config.voice.enabled;
    h.voice_reading = config.voice.reading;
    h.voice_repeat = config.voice.repeat;
    return h;
}

HubErrorCode to_lan(QueueError e) {
    switch (e) {
        case QueueError::None:
            return HubErrorCode::None;
        case QueueError::CounterUnknown:
            return HubErrorCode::CounterUnknown;
        case QueueError::ServiceUnknown:
            return HubErrorCode::ServiceUnknown;
        case QueueError::NothingWaiting:
            return HubErrorCode::NothingWaiting;
        case QueueError::TicketNotFound:
            return HubErrorCode::TicketNotFound;
        case QueueError::CounterPaused:
            return HubErrorCode::CounterPaused;
        case QueueError::NoCurrentTicket:
            return HubErrorCode::NoCurrentTicket;
    }
    return HubErrorCode::ServerError;
}

}  // namespace kiosk::hub

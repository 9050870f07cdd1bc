#pragma once
// Time for the queue: an injectable clock (tests move it past midnight) and the office's local
// civil time. Vietnam is UTC+07:00 all year (Asia/Ho_Chi_Minh has no daylight saving), so local
// time is a fixed offset and needs no tz database on the kiosk.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace kiosk {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
  public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to (tests, benchmarks, scripted demos).
class ManualClock final : public Clock {
  public:
    explicit ManualClock(TimePoint start) : us_(to_us(start)) {}
    TimePoint now() const override { return TimePoint(std::chrono::microseconds(us_.load())); }
    void set(TimePoint t) { us_ = to_us(t); }
    void advance(std::chrono::microseconds d) { us_ += d.count(); }

  private:
    static int64_t to_us(TimePoint t) {
        return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
    }
    std::atomic<int64_t> us_;
};

// Real time shifted to start at a chosen instant (`kiosk --start-time`): it runs normally from
// there, so demos, tests and screenshots of time-dependent screens see a moving clock.
class OffsetClock final : public Clock {
  public:
    explicit OffsetClock(TimePoint start) : offset_(start - std::chrono::system_clock::now()) {}
    TimePoint now() const override { return std::chrono::system_clock::now() + offset_; }

  private:
    std::chrono::system_clock::duration offset_;
};

inline constexpr std::chrono::seconds kVietnamUtcOffset{7 * 3600};

struct LocalDateTime {
    int year = 1970, month = 1, day = 1;
    int hour = 0, minute = 0, second = 0;
    int weekday = 4;  // 0 = Sunday … 6 = Saturday
};

LocalDateTime to_local(TimePoint t);
TimePoint from_local(const LocalDateTime& local);  // ignores weekday

std::string local_date_iso(TimePoint t);      // 2026-11-27 (the queue's business day key)
std::string local_date_compact(TimePoint t);  // 20261127 (for URLs)
std::string local_datetime_vn(TimePoint t);   // 27/11/2026 14:05:09 (printed tickets)
std::string local_date_vn(TimePoint t);       // 27/11/2026
std::string local_time_hm(TimePoint t);       // 14:05
std::string iso8601_local(TimePoint t);       // 2026-11-27T14:05:09+07:00
TimePoint next_local_midnight(TimePoint t);
bool parse_iso_date(const std::string& text, int& y, int& m, int& d);  // YYYY-MM-DD, validated
// 2026-11-30T09:00:00+07:00 (any offset, or Z); false when malformed or out of range.
bool parse_iso8601(const std::string& text, TimePoint& out);

}  // namespace kiosk

#pragma once
// The thresholds of the checks before submission, in one place: the checks use them, the
// catalogue's texts say them, and the page's help texts take them from here (the wasm module
// gives them as `thresholds()`).
namespace arsverk::thresholds {

inline constexpr double kRateHigh = 15.0;           // M1 FTEs per 1,000 inhabitants above this: implausible
inline constexpr double kChangeLargePercent = 30.0;  // a change of M1 per 1,000 by more than this %
inline constexpr double kFarAbovePublished = 4.0;    // × the published national M1 rate
inline constexpr double kFarBelowPublished = 0.2;    // × the published national M1 rate
inline constexpr int kOneCategoryMinimumFtes = 2;    // below this, all FTEs in one category is plausible
inline constexpr int kMaxMessagesPerCode = 50;       // per file; the rest are counted in one line

}  // namespace arsverk::thresholds

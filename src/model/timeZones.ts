/** Pakistan Standard Time (UTC+5): Sost, and the zone every report and chart speaks in. */
export const PKT = 'Asia/Karachi';
/** Beijing time (UTC+8): the Chinese posts at Kashgar and Tashkurgan. */
export const BEIJING = 'Asia/Shanghai';

using AlertFunctions.Detection.Alerts;

namespace AlertFunctions.Detection.Engine;

/// <summary>
/// One ongoing finding of one rule about one subject. While it is open (the rule fired again within <see cref="Cooldown"/>
/// of <see cref="LastTrigger"/>), further hits update this alert instead of raising a new one: an ongoing drain is one alert
/// that grows and escalates, not a storm. The alert id is fixed when the episode starts.
/// </summary>
internal sealed class AlertEpisode
{
    public AlertEpisode(Alert alert, DateTimeOffset lastTrigger, TimeSpan cooldown, decimal announcedUsd)
    {
        Alert = alert;
        LastTrigger = lastTrigger;
        Cooldown = cooldown;
        AnnouncedUsd = announcedUsd;
    }

    public Alert Alert { get; set; }

    /// <summary>
    /// The alert's amount when responders last heard of it (raised or escalated): growth is measured from here, so a second
    /// incident that an open alert absorbs is announced once it has doubled what they were told.
    /// </summary>
    public decimal AnnouncedUsd { get; set; }

    /// <summary>
    /// The alert's amount when its current burst of growth began: its first growth after an hour without any (0 when it
    /// has grown without such a pause since it was raised or last escalated). A second incident that an open alert absorbs
    /// comes as such a burst, and is announced once the burst alone reaches half of what responders were told.
    /// </summary>
    public decimal BurstBaseUsd { get; set; }

    public DateTimeOffset LastTrigger { get; set; }

    public TimeSpan Cooldown { get; }

    /// <summary>Event ids already counted, so a late duplicate of evidence is not counted twice.</summary>
    public bool IsOpenAt(DateTimeOffset time) => time - LastTrigger <= Cooldown;
}

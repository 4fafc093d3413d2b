namespace AlertFunctions.Cli.Replay;

/// <summary>
/// What the first pass found about the input's order (see <see cref="EventOrderCheck"/>): how many events lay more than the
/// allowed lateness behind their platform's newest earlier event, and the first of them. Standard input is read once, so
/// its order is not checked.
/// </summary>
internal sealed record InputOrder(bool Checked, long OutOfOrder, long FirstOutOfOrderLine, TimeSpan FirstBehind)
{
    public static InputOrder NotChecked { get; } = new(Checked: false, 0, 0, TimeSpan.Zero);

    /// <summary>The replay sorts the input by event time before replaying it.</summary>
    public bool NeedsSorting => OutOfOrder > 0;
}

namespace AlertFunctions.App.Ingestion;

/// <summary>
/// Events of one platform and asset that carried no <c>amountUsd</c> while the rules have no reference price for the asset:
/// every USD threshold saw them as 0, so the value rules could not fire on them. <see cref="Events"/> counts them in the batch.
/// </summary>
internal sealed record UnvaluedAsset(string Platform, string Asset, int Events);

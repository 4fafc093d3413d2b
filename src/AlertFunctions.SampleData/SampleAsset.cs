namespace AlertFunctions.SampleData;

/// <summary>An asset a sample platform pays out: its chain, price, decimals and how it is valued in events.</summary>
internal sealed record SampleAsset(string Symbol, string Chain, decimal PriceUsd, int Decimals, bool ProducerSendsUsd, double Share);

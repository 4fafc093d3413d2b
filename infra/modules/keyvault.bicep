metadata description = 'Key Vault holding the Teams Workflows webhook URL, read by the function app through a Key Vault reference.'

@description('Globally unique, 3-24 letters, digits and single hyphens.')
@minLength(3)
@maxLength(24)
param vaultName string

param location string

param tags object

@description('Teams Workflows webhook URL. Empty leaves the secret untouched, so a redeploy never wipes a value set with az keyvault secret set.')
@secure()
param teamsWebhookUrl string

@description('Name of the secret that holds the Teams webhook URL.')
param teamsWebhookSecretName string = 'teams-webhook-url'

@description('Purge protection cannot be turned off once on; leave it off only for throw-away environments.')
param enablePurgeProtection bool = true

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // The API rejects false here; null leaves purge protection off.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource teamsWebhookSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(teamsWebhookUrl)) {
  parent: vault
  name: teamsWebhookSecretName
  properties: {
    value: teamsWebhookUrl
    contentType: 'text/uri'
  }
}

output vaultName string = vault.name

// Versionless, so the app picks up a rotated secret without a redeploy; built from the vault so it is valid before the secret exists.
output teamsWebhookSecretUri string = '${vault.properties.vaultUri}secrets/${teamsWebhookSecretName}/'

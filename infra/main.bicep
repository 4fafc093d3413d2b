metadata description = 'Alert functions: Event Hubs ingestion, storage, Key Vault, monitoring and the Event Hub-triggered function app with identity-based connections.'

targetScope = 'resourceGroup'

@description('Short name for this deployment, used in every resource name, e.g. alertfn-dev. Lowercase letters, digits and hyphens.')
@minLength(3)
@maxLength(16)
param baseName string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('FlexConsumption (default) or ElasticPremium.')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string = 'FlexConsumption'

@description('Hub the exchanges send withdrawal events to.')
param eventHubName string = 'withdrawals'

@description('Partitions of the withdrawals hub; producers use the platform as partition key.')
@minValue(1)
@maxValue(32)
param eventHubPartitionCount int = 8

@description('Consumer group dedicated to the alert functions.')
param eventHubConsumerGroupName string = 'alert-functions'

@description('NCRONTAB schedule of the daily summary (UTC).')
param dailySummarySchedule string = '0 5 0 * * *'

@description('Teams Workflows webhook URL stored as Key Vault secret teams-webhook-url. Leave empty to manage the secret with az keyvault secret set; an empty value never overwrites it.')
@secure()
param teamsWebhookUrl string = ''

@description('Turn off only for throw-away environments: once on, purge protection cannot be turned off.')
param enableKeyVaultPurgeProtection bool = true

@description('Application (client) id of an Entra app registration for responders. When set, App Service Authentication guards the responder pages the Teams cards link to; when empty, those pages answer 401 and responders acknowledge through the function-key API.')
param responderEntraClientId string = ''

@description('Tags applied to every resource.')
param tags object = {}

// Deterministic per resource group and base name, so redeploys hit the same globally unique names.
var uniqueSuffix = uniqueString(resourceGroup().id, baseName)
var compactBaseName = take(replace(toLower(baseName), '-', ''), 9)
var premiumPackageBlobName = 'alert-functions.zip'

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${baseName}-${uniqueSuffix}'
    applicationInsightsName: 'appi-${baseName}-${uniqueSuffix}'
    location: location
    tags: tags
  }
}

module eventHubs 'modules/eventhubs.bicep' = {
  name: 'eventhubs'
  params: {
    namespaceName: 'evhns-${baseName}-${uniqueSuffix}'
    location: location
    tags: tags
    eventHubName: eventHubName
    partitionCount: eventHubPartitionCount
    consumerGroupName: eventHubConsumerGroupName
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    storageAccountName: 'st${compactBaseName}${uniqueSuffix}'
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    vaultName: 'kv${compactBaseName}${uniqueSuffix}'
    location: location
    tags: tags
    teamsWebhookUrl: teamsWebhookUrl
    enablePurgeProtection: enableKeyVaultPurgeProtection
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    functionAppName: 'func-${baseName}-${uniqueSuffix}'
    planName: 'plan-${baseName}-${uniqueSuffix}'
    location: location
    tags: tags
    hostingPlan: hostingPlan
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  params: {
    principalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.storageAccountName
    eventHubsNamespaceName: eventHubs.outputs.namespaceName
    eventHubName: eventHubs.outputs.eventHubName
    keyVaultName: keyVault.outputs.vaultName
  }
}

module appSettings 'modules/appsettings.bicep' = {
  name: 'appsettings'
  params: {
    functionAppName: functionApp.outputs.functionAppName
    hostingPlan: hostingPlan
    premiumPackageUrl: '${storage.outputs.deploymentContainerUrl}/${premiumPackageBlobName}'
    // The settings contract with the app (see the app's options); every connection is identity-based.
    appSettings: {
      AzureWebJobsStorage__accountName: storage.outputs.storageAccountName
      EventHubConnection__fullyQualifiedNamespace: eventHubs.outputs.namespaceFqdn
      EventHubName: eventHubs.outputs.eventHubName
      EventHubConsumerGroup: eventHubs.outputs.consumerGroupName
      AlertStorage__AccountName: storage.outputs.storageAccountName
      Teams__WebhookUrl: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.teamsWebhookSecretUri})'
      Teams__AlertLinkBaseUrl: 'https://${functionApp.outputs.defaultHostName}/api/respond' // the Teams card's links open the Easy Auth responder pages, never the function-key routes
      DailySummarySchedule: dailySummarySchedule
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
    }
  }
  // The host starts as soon as its settings land; granting the roles first spares it a round of access-denied retries.
  dependsOn: [
    rbac
  ]
}

// Easy Auth for the responder pages, only when an Entra app registration is given.
module responderAuth 'modules/responderauth.bicep' = if (!empty(responderEntraClientId)) {
  name: 'responderauth'
  params: {
    functionAppName: functionApp.outputs.functionAppName
    clientId: responderEntraClientId
  }
}

output eventHubsNamespaceName string = eventHubs.outputs.namespaceName

output eventHubsNamespaceFqdn string = eventHubs.outputs.namespaceFqdn

output eventHubName string = eventHubs.outputs.eventHubName

output eventHubConsumerGroup string = eventHubs.outputs.consumerGroupName

output eventHubProducerRuleName string = eventHubs.outputs.producerRuleName

output functionAppName string = functionApp.outputs.functionAppName

output alertsApiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}/api'

output storageAccountName string = storage.outputs.storageAccountName

output deploymentContainerName string = storage.outputs.deploymentContainerName

output keyVaultName string = keyVault.outputs.vaultName

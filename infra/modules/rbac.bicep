metadata description = 'Data-plane roles the function app identity needs: receive events, read and write alert tables and queues, runtime blobs and packages, and read the Teams secret.'

@description('Object id of the function app system-assigned identity.')
param principalId string

param storageAccountName string

param eventHubsNamespaceName string

param eventHubName string

param keyVaultName string

resource eventHubsDataReceiver 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'
}

resource storageTableDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

resource storageQueueDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

resource storageBlobDataOwner 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

resource keyVaultSecretsUser 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '4633458b-17de-408a-b874-0445c86b69e6'
}

resource eventHubsNamespace 'Microsoft.EventHub/namespaces@2024-01-01' existing = {
  name: eventHubsNamespaceName
}

resource eventHub 'Microsoft.EventHub/namespaces/eventhubs@2024-01-01' existing = {
  parent: eventHubsNamespace
  name: eventHubName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource keyVault 'Microsoft.KeyVault/vaults@2025-05-01' existing = {
  name: keyVaultName
}

// Hub scope: the functions only ever read this one hub.
resource eventHubReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(eventHub.id, principalId, eventHubsDataReceiver.id)
  scope: eventHub
  properties: {
    roleDefinitionId: eventHubsDataReceiver.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource alertTables 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, principalId, storageTableDataContributor.id)
  scope: storageAccount
  properties: {
    roleDefinitionId: storageTableDataContributor.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource alertQueues 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, principalId, storageQueueDataContributor.id)
  scope: storageAccount
  properties: {
    roleDefinitionId: storageQueueDataContributor.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

// Owner rather than Contributor: the runtime manages blob leases and checkpoints, and Flex Consumption reads and writes packages.
resource runtimeBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storageAccount.id, principalId, storageBlobDataOwner.id)
  scope: storageAccount
  properties: {
    roleDefinitionId: storageBlobDataOwner.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

resource teamsSecretReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, principalId, keyVaultSecretsUser.id)
  scope: keyVault
  properties: {
    roleDefinitionId: keyVaultSecretsUser.id
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

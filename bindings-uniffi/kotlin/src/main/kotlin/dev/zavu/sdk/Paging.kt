// Hand-written Kotlin idiom on top of the generated bindings (target/generated-sources/uniffi):
// pagers as Flows. No behaviour lives here; each item still comes from core's AutoPager.
package dev.zavu.sdk

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/** Every invitation from this pager on, as a cold [Flow]; pages are fetched as it is collected. */
fun InvitationPager.asFlow(): Flow<Invitation> = flow {
    while (true) emit(next() ?: break)
}

/** Every sender from this pager on, as a cold [Flow]; pages are fetched as it is collected. */
fun SenderPager.asFlow(): Flow<Sender> = flow {
    while (true) emit(next() ?: break)
}

/** Every invitation from this page on, across later pages. */
fun InvitationPage.asFlow(): Flow<Invitation> = iterator().asFlow()

/** Every sender from this page on, across later pages. */
fun SenderPage.asFlow(): Flow<Sender> = iterator().asFlow()

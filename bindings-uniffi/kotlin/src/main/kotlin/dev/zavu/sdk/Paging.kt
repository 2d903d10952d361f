// Hand-written Kotlin idiom on top of the generated bindings (target/generated-sources/uniffi):
// pagers as Flows. No behaviour lives here: each page comes from core's AutoPager, one FFI
// crossing per page (`nextBatch()`); a failed fetch throws from `collect`, and collecting the
// same pager again retries that page.
package dev.zavu.sdk

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow

/** Every invitation from this pager on, as a cold [Flow]; pages are fetched as it is collected. */
fun InvitationPager.asFlow(): Flow<Invitation> = flow {
    while (true) {
        val batch = nextBatch() ?: break
        for (item in batch) emit(item)
    }
}

/** Every sender from this pager on, as a cold [Flow]; pages are fetched as it is collected. */
fun SenderPager.asFlow(): Flow<Sender> = flow {
    while (true) {
        val batch = nextBatch() ?: break
        for (item in batch) emit(item)
    }
}

/** Every invitation from this page on, across later pages. */
fun InvitationPage.asFlow(): Flow<Invitation> = iterator().asFlow()

/** Every sender from this page on, across later pages. */
fun SenderPage.asFlow(): Flow<Sender> = iterator().asFlow()

/** Every phone number from this pager on, as a cold [Flow]; pages are fetched as it is collected. */
fun PhoneNumberPager.asFlow(): Flow<PhoneNumber> = flow {
    while (true) {
        val batch = nextBatch() ?: break
        for (item in batch) emit(item)
    }
}

/** Every phone number from this page on, across later pages. */
fun PhoneNumberPage.asFlow(): Flow<PhoneNumber> = iterator().asFlow()
